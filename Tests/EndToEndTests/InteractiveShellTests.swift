import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive shell of the built onep on a pseudo-terminal, driven key by key.
@Suite("Interactive shell")
struct InteractiveShellTests {
    typealias Key = PseudoTerminal.Key

    /// Starts onep at a terminal in `world` and waits for its first prompt.
    private func startShell(in world: IsolatedEnvironment, arguments: [String] = []) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world, arguments: arguments)
    }

    @Test func aTypedCommandShowsItsOutputAndCtrlDLeavesWithStatus0() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.typeLine("ls")
        try terminal.waitFor("demo-device")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func theFirstStartGreetsAndMentionsTheDemo() throws {
        let world = try IsolatedEnvironment()
        let terminal = try PseudoTerminal.onep(in: world, prompt: nil)
        try terminal.waitFor("embedded platform in \(world.dataDirectory)")
        try terminal.waitFor("seeded a demo device")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("exit 4")
        #expect(try terminal.waitForExit() == .exited(4))
    }

    @Test func tabCompletesACommandWord() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.type("tre" + Key.tab)
        try terminal.waitFor("tree")
        try terminal.type(Key.enter)
        try terminal.waitFor("demo-device  client  alias: demo")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesAChildAliasTheSessionHasSeen() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.typeLine("cd demo")
        try terminal.waitForPrompt("onep:/demo> ")
        try terminal.typeLine("ls")
        try terminal.waitFor("humidity")
        try terminal.waitForPrompt("onep:/demo> ")
        try terminal.type("read hum" + Key.tab + "--limit 1" + Key.enter)
        try terminal.waitFor("humidity\n")
        try terminal.waitForPrompt("onep:/demo> ")
        #expect(terminal.transcript.contains("read humidity --limit 1"))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func tabCompletesAPathThroughAnAlias() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.typeLine("ls")
        try terminal.waitFor("demo-device")
        try terminal.waitForPrompt("onep:/> ")
        // `demo` is the device's alias; its children are fetched by the first Tab if need be.
        var completed = false
        for _ in 0..<20 where !completed {
            try terminal.type("read demo/hu" + Key.tab)
            completed = (try? terminal.waitFor("demo/humidity", timeout: .milliseconds(500))) != nil
            if !completed {
                try terminal.type(Key.interrupt)
                try terminal.waitForPrompt("onep:/> ")
            }
        }
        #expect(completed)
        try terminal.type("--limit 1" + Key.enter)
        try terminal.waitFor("humidity\n")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func arrowUpRecallsHistoryAlsoInTheNextSession() throws {
        let world = try IsolatedEnvironment()
        do {
            let terminal = try startShell(in: world)
            try terminal.typeLine("cd demo")
            try terminal.waitForPrompt("onep:/demo> ")
            try terminal.typeLine("cd ..")
            try terminal.waitForPrompt("onep:/> ")
            try terminal.type(Key.arrowUp + Key.arrowUp + Key.enter)
            try terminal.waitForPrompt("onep:/demo> ")
            try terminal.type(Key.endOfFile)
            #expect(try terminal.waitForExit() == .exited(0))
        }
        let history = world.root + "/state/onep/history-local"
        var status = stat()
        #expect(stat(history, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        let terminal = try startShell(in: world)
        try terminal.type(Key.arrowUp + Key.enter)
        try terminal.waitForPrompt("onep:/demo> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCAtThePromptDiscardsTheLine() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.type("frobnicate")
        try terminal.waitFor("frobnicate")
        try terminal.type(Key.interrupt)
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("pwd")
        try terminal.waitFor("/  ")
        try terminal.waitForPrompt("onep:/> ")
        #expect(!terminal.transcript.contains("unknown command"))
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func ctrlCCancelsAFollowingReadAndReturnsToThePrompt() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.typeLine("read demo/temperature --follow")
        try terminal.waitFor("timestamp")
        try terminal.type(Key.interrupt)
        try terminal.waitFor("interrupted")
        try terminal.waitForPrompt("onep:/> ")
        // The terminal echoes ^C where the cursor was; the message has a line of its own.
        #expect(terminal.transcript.contains("^C\nerror: interrupted\n"), "\(terminal.transcript)")
        try terminal.typeLine("pwd")
        try terminal.waitFor("/  ")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func keysAreReadOneByOneOnceThePromptShows() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        for _ in 0..<5 {
            try terminal.typeLine("pwd")
            try terminal.waitFor("/  ")
            // No waiting for the terminal mode: a key typed as soon as the prompt shows must reach the editor.
            try terminal.waitFor("onep:/> ")
            #expect(try terminal.readsKeys())
        }
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func withEditingTurnedOffTheTerminalKeepsLineMode() throws {
        let world = try IsolatedEnvironment()
        try "edit off\n".write(toFile: world.root + "/home/.editrc", atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminal.onep(in: world, prompt: nil)
        try terminal.waitFor("onep:/> ")
        try terminal.typeLine("pwd")
        try terminal.waitFor("/  ")
        try terminal.waitFor("onep:/> ")
        #expect(try !terminal.readsKeys())
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func aUTF8NameIsEditedWithBackspace() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.type("create dataport 温度计" + Key.backspace + " --format integer" + Key.enter)
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("ls")
        try terminal.waitFor("demo-device")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
        let listing = try OnepBinary.run(["ls"], in: world)
        #expect(listing.stdout.split(separator: "\n").contains("温度"), "\(listing)")
        #expect(!listing.stdout.contains("温度计"))
    }

    @Test func theShellStaysUpAfterBadInput() throws {
        let world = try IsolatedEnvironment()
        let terminal = try startShell(in: world)
        try terminal.typeLine("frobnicate")
        try terminal.waitFor("unknown command 'frobnicate'")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("cd nowhere/at/all")
        try terminal.waitFor("not found")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("rpc info {\"alias\": ")
        try terminal.waitFor("JSON")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("pwd")
        try terminal.waitFor("/  ")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }
}
