import Foundation
import Testing

/// Long output at a terminal goes through the pager; piped output never does; and every command's
/// output can be sent to a file or through a shell command.
@Suite("Pager and redirection")
struct PagerTests {
    typealias Key = PseudoTerminal.Key

    private func shell(in world: IsolatedEnvironment, pager: String) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world, variables: ["PAGER": pager], rows: 24)
    }

    @Test func longOutputAtATerminalGoesThroughThePager() throws {
        let world = try IsolatedEnvironment()
        let terminal = try shell(in: world, pager: "sed 's/^/paged: /'")
        try terminal.typeLine("help")
        try terminal.waitFor("paged: Commands:")
        try terminal.waitForPrompt("onep:/> ")
        // Short output needs no pager.
        try terminal.typeLine("pwd")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("set pager off")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("help")
        let unpaged = try terminal.waitFor("Type 'help COMMAND'")
        #expect(!unpaged.contains("paged:"))
        #expect(!terminal.transcript.contains("paged: /"))
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func pipedOutputNeverPages() throws {
        let world = try IsolatedEnvironment()
        world.variables["PAGER"] = "sed 's/^/paged: /'"
        let result = try OnepBinary.run(["help"], in: world)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("paged:"))
    }

    @Test func outputThroughAShellCommandReachesTheTerminal() throws {
        let world = try IsolatedEnvironment()
        let terminal = try shell(in: world, pager: "cat")
        try terminal.typeLine("ls demo | sed 's/^/piped: /'")
        try terminal.waitFor("piped: temperature")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
        let file = world.root + "/tree.txt"
        let written = try OnepBinary.run(["-c", "tree demo > \(file)"], in: world)
        #expect(written.status == 0, "\(written)")
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("temperature"))
    }
}
