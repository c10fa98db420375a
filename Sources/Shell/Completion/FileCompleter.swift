import Foundation

/// Completes file paths at any depth: `scr` → `scripts/`, `scripts/se` → `scripts/setup.onep`,
/// `~/` from HOME. Hidden files only when the typed name starts with a dot.
struct FileCompleter {
    let environment: [String: String]
    let currentDirectory: String

    func candidates(for prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let directoryPart = slash.map { String(prefix[...$0]) } ?? ""
        let namePart = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let directory = resolve(directoryPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.filter { !$0.hasPrefix(".") || namePart.hasPrefix(".") }.map { name in
            var isDirectory: ObjCBool = false
            let full = (directory as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
            return directoryPart + name + (isDirectory.boolValue ? "/" : "")
        }
    }

    private func resolve(_ directoryPart: String) -> String {
        var path = directoryPart
        if path.hasPrefix("~/"), let home = environment["HOME"] { path = home + String(path.dropFirst(1)) }
        if path.isEmpty { return currentDirectory }
        return path.hasPrefix("/") ? path : (currentDirectory as NSString).appendingPathComponent(path)
    }
}
