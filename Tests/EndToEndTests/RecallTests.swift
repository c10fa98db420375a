import Foundation
import Testing

/// What Up recalls at a real terminal: the line as typed in this session, secrets included, while
/// the history file keeps them masked.
@Suite("Recall")
struct RecallTests {
    typealias Key = PseudoTerminal.Key

    @Test func upRecallsASecretLineThatStillRuns() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let terminal = try PseudoTerminal.onep(in: world, arguments: ["--host", served.url], prompt: "onep> ")
        try terminal.typeLine("auth \(served.rootCIK)")
        try terminal.waitFor("authenticated as a CIK")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.arrowUp + Key.enter)
        // The recalled line authenticates again; '<redacted>' would be an unknown key name.
        try terminal.waitFor("authenticated as a CIK")
        try terminal.waitForPrompt("onep:/> ")
        #expect(!terminal.transcript.contains("no key named"))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))

        let directory = world.root + "/state/onep"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let text = try String(contentsOfFile: directory + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(!text.contains(served.rootCIK))
        #expect(text.contains("auth\\040<redacted>"))
    }
}
