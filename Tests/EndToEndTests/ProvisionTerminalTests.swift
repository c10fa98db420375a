import Foundation
import Testing

/// Completion of provisioning names in the interactive shell of the built onep.
@Suite("Provisioning at the terminal")
struct ProvisionTerminalTests {
    typealias Key = PseudoTerminal.Key

    @Test func tabCompletesASerialNumber() throws {
        let world = try IsolatedEnvironment()
        let setup = try OnepBinary.run(
            ["-c", "create client tmpl", "-c", "provision model create fleet tmpl", "-c", "provision sn add fleet TH0001 TH0002 XY9"], in: world)
        #expect(setup.status == 0, "\(setup)")
        let terminal = try PseudoTerminal.onep(in: world)
        try terminal.typeLine("provision sn list fleet")
        try terminal.waitFor("XY9")
        try terminal.waitForPrompt("onep:/> ")
        // A unique serial number completes with a trailing space; the model name completes too.
        try terminal.type("provision sn info fl" + Key.tab + "XY" + Key.tab + Key.enter)
        try terminal.waitFor("XY9  unused")
        try terminal.waitForPrompt("onep:/> ")
        #expect(terminal.transcript.contains("provision sn info fleet XY9"))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func theHistoryFileKeepsNoVendorToken() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let terminal = try PseudoTerminal.onep(in: world, arguments: ["--host", served.url, "--cik", served.rootCIK])
        try terminal.typeLine("provision auth --vendor \(served.vendor) --token \(served.vendorToken)")
        try terminal.waitFor("provisioning as vendor \(served.vendor)")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("provision model list")
        try terminal.waitFor("model")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.waitUntilReadingKeys()
        try terminal.type(Key.endOfFile)
        _ = try terminal.waitForExit()

        let directory = world.root + "/state/onep"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let text = try String(contentsOfFile: directory + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(!text.contains(served.vendorToken))
        #expect(text.contains("--token\\040<redacted>"), "\(text)")
        #expect(text.contains("provision\\040model\\040list"))
    }
}
