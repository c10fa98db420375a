import Foundation
import Yams

/// Named CIKs kept in onep's config file, plus the shortcuts of an existing `~/.exoline`.
///
/// The file is `$XDG_CONFIG_HOME/onep/config.yaml`, else `~/.config/onep/config.yaml`, written
/// with mode 0600 because it holds keys. exoline's file is only read, so both tools keep working.
struct KeyStore: Sendable {
    let environment: [String: String]

    var configPath: String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/onep/config.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/onep/config.yaml"
    }

    var exolinePath: String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.exoline"
    }

    /// Every known key name and its CIK; onep's own entries win over exoline's.
    func keys() throws(ShellError) -> [(name: String, cik: String, source: String)] {
        var result: [(name: String, cik: String, source: String)] = []
        let own = try readKeys(at: configPath)
        for (name, cik) in own { result.append((name, cik, "onep")) }
        for (name, cik) in try readKeys(at: exolinePath) where !own.contains(where: { $0.0 == name }) {
            result.append((name, cik, "exoline"))
        }
        return result.sorted { $0.name < $1.name }
    }

    func cik(named name: String) throws(ShellError) -> String? {
        try keys().first { $0.name == name }?.cik
    }

    func add(name: String, cik: String) throws(ShellError) {
        var own = try readKeys(at: configPath)
        own.removeAll { $0.0 == name }
        own.append((name, cik))
        try writeKeys(own)
    }

    /// - Returns: false when onep's file has no key of that name.
    func remove(name: String) throws(ShellError) -> Bool {
        var own = try readKeys(at: configPath)
        let before = own.count
        own.removeAll { $0.0 == name }
        guard own.count != before else { return false }
        try writeKeys(own)
        return true
    }

    private func readKeys(at path: String?) throws(ShellError) -> [(String, String)] {
        guard let path, FileManager.default.fileExists(atPath: path) else { return [] }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ShellError.file(path, "cannot be read")
        }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw ShellError.file(path, "is not valid YAML")
        }
        guard let document = loaded as? [String: Any], let keys = document["keys"] as? [String: Any] else { return [] }
        return keys.compactMap { key, value in
            if let cik = value as? String { return (key, cik) }
            return nil
        }.sorted { $0.0 < $1.0 }
    }

    private func writeKeys(_ keys: [(String, String)]) throws(ShellError) {
        var mapping: [String: String] = [:]
        for (name, cik) in keys { mapping[name] = cik }
        try update { $0["keys"] = mapping }
    }

    /// The config file as YAML, empty when there is none.
    /// - Throws: ``ShellError`` when it cannot be read or is not YAML.
    func document() throws(ShellError) -> [String: Any] {
        guard let path = configPath, FileManager.default.fileExists(atPath: path) else { return [:] }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ShellError.file(path, "cannot be read")
        }
        do {
            return try Yams.load(yaml: text) as? [String: Any] ?? [:]
        } catch {
            throw ShellError.file(path, "is not valid YAML")
        }
    }

    /// Rewrites the config file with `change` applied to what it holds, keeping everything else.
    func update(_ change: (inout [String: Any]) -> Void) throws(ShellError) {
        guard let path = configPath else { throw ShellError.file("config.yaml", "has no home: set HOME or XDG_CONFIG_HOME") }
        var document: [String: Any] = [:]
        if FileManager.default.fileExists(atPath: path),
            let text = try? String(contentsOfFile: path, encoding: .utf8),
            let existing = (try? Yams.load(yaml: text)) as? [String: Any]
        {
            document = existing
        }
        change(&document)
        let yaml: String
        do {
            yaml = try Yams.dump(object: document, sortKeys: true)
        } catch {
            throw ShellError.file(path, "cannot be written as YAML")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = path + ".tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // Created with 0600 before any key is written into it, then renamed over the old file.
            guard FileManager.default.createFile(atPath: temporary, contents: Data(yaml.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ShellError.file(path, "cannot be created")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary)
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch let error as ShellError {
            throw error
        } catch {
            throw ShellError.file(path, "cannot be written")
        }
    }
}
