import Foundation
import Testing

/// Interactive shells on a data directory other processes have open too: the shell says which
/// process runs the datarule timers and scripts when it is not itself, and takes over when the
/// one that did leaves.
@Suite("Shells sharing a data directory")
struct SharedDirectoryShellTests {
    private func startShell(in world: IsolatedEnvironment) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world, prompt: nil)
    }

    @Test func aShellBesideAServerSaysTheServerRunsTimersAndScripts() throws {
        let world = try IsolatedEnvironment()
        world.variables["ONEP_DATA"] = world.root + "/served"
        let served = try ServedPlatform(in: world)
        let terminal = try startShell(in: world)
        try terminal.waitFor("onep: datarule timers and scripts run in onep serve (pid ")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("whoami")
        try terminal.waitFor("timers and scripts: onep serve (pid ")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("exit")
        #expect(try terminal.waitForExit() == .exited(0))
        _ = served
    }

    @Test func theSecondShellTakesOverWhenTheFirstLeaves() throws {
        let world = try IsolatedEnvironment()
        let first = try startShell(in: world)
        try first.waitForPrompt("onep:/> ")
        let second = try startShell(in: world)
        try second.waitFor("onep: datarule timers and scripts run in onep (pid ")
        try second.waitForPrompt("onep:/> ")
        #expect(!first.transcript.contains("datarule timers and scripts run in"))
        try first.typeLine("whoami")
        try first.waitFor("timers and scripts: this onep (pid ")
        try first.waitForPrompt("onep:/> ")
        try first.typeLine("exit")
        #expect(try first.waitForExit() == .exited(0))
        // The second shell tries again about every second; a busy machine may take a few.
        var tookOver = false
        for _ in 0..<30 where !tookOver {
            try second.typeLine("whoami")
            try second.waitFor("timers and scripts: ")
            try second.waitForPrompt("onep:/> ")
            tookOver = second.transcript.contains("timers and scripts: this onep")
            if !tookOver { Thread.sleep(forTimeInterval: 0.5) }
        }
        #expect(tookOver)
        try second.typeLine("exit")
        #expect(try second.waitForExit() == .exited(0))
    }
}
