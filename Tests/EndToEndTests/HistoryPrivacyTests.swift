import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The history file of a real interactive session keeps no CIK or token, and is the user's alone.
@Suite("History privacy")
struct HistoryPrivacyTests {
    @Test func theHistoryFileKeepsNeitherTheCIKNorTheToken() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let token = String(repeating: "5a", count: 20)
        let terminal = try PseudoTerminal.onep(in: world, arguments: ["--host", served.url], prompt: nil)
        try terminal.waitFor("onep> ")
        try terminal.typeLine("auth \(served.rootCIK)")
        try terminal.waitFor("onep:/> ")
        try terminal.typeLine("auth token \(token)")
        try terminal.waitFor("> ")
        try terminal.typeLine(" pwd")
        try terminal.waitFor("> ")
        try terminal.typeLine("whoami")
        try terminal.waitFor("> ")
        // A Ctrl-D typed before libedit reads keys one by one would be lost.
        try terminal.waitUntilReadingKeys()
        try terminal.type(PseudoTerminal.Key.endOfFile)
        _ = try terminal.waitForExit()

        let directory = world.root + "/state/onep"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        #expect(files.count == 1)
        let path = directory + "/" + (files.first ?? "")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(served.rootCIK))
        #expect(!text.contains(token))
        #expect(text.contains("auth\\040<redacted>"))
        #expect(!text.contains("pwd"))
        #expect(text.contains("whoami"))
        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func aCIKInsideALongerWordStaysOutOfTheFile() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let terminal = try PseudoTerminal.onep(in: world, arguments: ["--host", served.url], prompt: "onep> ")
        for line in ["auth \(served.rootCIK)#c", "auth \(served.rootCIK)\u{A0}", "auth 0x\(served.rootCIK)"] {
            try terminal.typeLine(line)
            try terminal.waitFor("no key named")
            try terminal.waitForPrompt("onep> ")
        }
        try terminal.type(PseudoTerminal.Key.endOfFile)
        _ = try terminal.waitForExit()
        let directory = world.root + "/state/onep"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let text = try String(contentsOfFile: directory + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(!text.contains(served.rootCIK), "\(text)")
        #expect(text.contains("auth\\0400x<redacted>"), "\(text)")
    }
}
