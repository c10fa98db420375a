import Foundation

/// Completes file paths at any depth: `scr` → `scripts/`, `scripts/se` → `scripts/setup.onep`,
/// `~/` from HOME. Hidden files only when the typed name starts with a dot.
struct FileCompleter {
    let environment: [String: String]
    let currentDirectory: String

    /// - Parameter endings: when given, only files whose names end in one of them (in any case)
    ///   are offered, with every directory; when no file here has such a name, every file is.
    func candidates(for prefix: String, endingIn endings: [String] = []) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directoryPart = slash.map { String(prefix[...$0]) } ?? ""
        let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let directory = resolve(directoryPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let found = entries.filter { !$0.hasPrefix(".") || namePart.hasPrefix(".") }.map { name in
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return directoryPart + name + (isDirectory.boolValue ? "/" : "")
        }
        guard !endings.isEmpty else { return found }
        let wanted = found.filter { path in endings.contains { path.lowercased().hasSuffix($0) } }
        guard !wanted.filter({ $0.hasPrefix(prefix) }).isEmpty else { return found }
        return found.filter { $0.hasSuffix("/") } + wanted
    }

    private func resolve(_ directoryPart: String) -> String {
        var path = directoryPart
        if path.hasPrefix("~/"), let home = environment["HOME"] { path = home + String(path.dropFirst(1)) }
        if path.isEmpty { return currentDirectory }
        return path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
    }
}
