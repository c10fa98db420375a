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
        var variables = world.variables
        variables["TERM"] = "xterm"
        let terminal = try PseudoTerminal(executable: try OnepBinary.executable(), environment: variables)
        try terminal.waitForPrompt("onep:/> ")
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
}
