import Foundation
import Testing
import TestSupport

@testable import Shell

@Suite struct KeyStoreTests {
    let directory: TemporaryDirectory
    var home: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory(prefix: "onep-keys")
    }

    @Test func addWritesAPrivateFileUnderXDG() throws {
        let store = KeyStore(environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/xdg"])
        try store.add(name: "dev", cik: String(repeating: "a", count: 40))
        let path = home + "/xdg/onep/config.yaml"
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.cik(named: "dev") == String(repeating: "a", count: 40))
        #expect(try store.remove(name: "dev"))
        #expect(try !store.remove(name: "dev"))
        #expect(try store.keys().isEmpty)
    }

    @Test func fallsBackToDotConfigAndReadsExoline() throws {
        try "keys:\n  old: \(String(repeating: "b", count: 40))\n  both: \(String(repeating: "c", count: 40))\n".write(
            toFile: home + "/.exoline", atomically: true, encoding: .utf8)
        let store = KeyStore(environment: ["HOME": home])
        try store.add(name: "both", cik: String(repeating: "d", count: 40))
        #expect(FileManager.default.fileExists(atPath: home + "/.config/onep/config.yaml"))
        let keys = try store.keys()
        #expect(keys.map(\.name) == ["both", "old"])
        #expect(keys.first { $0.name == "both" }?.cik == String(repeating: "d", count: 40))
        #expect(keys.first { $0.name == "old" }?.source == "exoline")
        // exoline's file is never rewritten.
        #expect(try String(contentsOfFile: home + "/.exoline", encoding: .utf8).contains("both"))
    }

    @Test func brokenYAMLIsAClearError() throws {
        try FileManager.default.createDirectory(atPath: home + "/.config/onep", withIntermediateDirectories: true)
        try "keys: [unclosed\n".write(toFile: home + "/.config/onep/config.yaml", atomically: true, encoding: .utf8)
        let store = KeyStore(environment: ["HOME": home])
        #expect(throws: ShellError.self) { try store.keys() }
    }
}
