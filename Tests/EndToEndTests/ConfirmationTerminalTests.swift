import Foundation
import Testing

/// At a terminal, `drop --all-children` and `script rm` ask before they destroy, and a "no"
/// leaves everything as it was; `y` goes ahead.
@Suite("Confirmation at a terminal")
struct ConfirmationTerminalTests {
    typealias Key = PseudoTerminal.Key

    /// Runs `lines` as a piped script (which never asks) and expects them to succeed.
    private func setUp(_ lines: [String], in world: IsolatedEnvironment) throws {
        let result = try OnepBinary.run(lines.flatMap { ["-c", $0] }, in: world)
        #expect(result.status == 0, "\(result)")
    }

    private func startShell(in world: IsolatedEnvironment) throws -> PseudoTerminal {
        return try PseudoTerminal.onep(in: world)
    }

    @Test func dropAllChildrenAsksAndNoKeepsEverything() throws {
        let world = try IsolatedEnvironment()
        try setUp(["create client dev", "create dataport dev/a --format integer", "create client dev/inner", "write dev/a 3"], in: world)
        let terminal = try startShell(in: world)
        try terminal.typeLine("drop dev --all-children")
        let question = try terminal.waitFor("[y/N] ")
        #expect(question.contains("drop dev --all-children: "), "\(question)")
        try terminal.typeLine("n")
        try terminal.waitFor("error: drop: not confirmed, nothing done")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        let exit = try terminal.waitForExit()
        #expect(exit == .exited(0), "\(exit)")
        #expect(try OnepBinary.run(["ls", "dev"], in: world).stdout == "a\ninner/\n")
        #expect(try OnepBinary.run(["read", "dev/a"], in: world).stdout.hasSuffix("  3\n"))

        let again = try startShell(in: world)
        try again.typeLine("drop dev --all-children")
        try again.waitFor("[y/N] ")
        try again.typeLine("y")
        try again.waitFor("dropped 2 resources")
        try again.waitForPrompt("onep:/> ")
        try again.type(Key.endOfFile)
        #expect(try again.waitForExit() == .exited(0))
        #expect(try OnepBinary.run(["ls", "dev"], in: world).stdout == "")
    }

    @Test func scriptRmAsksAndNoKeepsTheScript() throws {
        let world = try IsolatedEnvironment()
        let file = try world.file(named: "noop.lua", containing: "local x = 1\n")
        try setUp(["script upload \(file)"], in: world)
        let terminal = try startShell(in: world)
        try terminal.typeLine("script rm noop.lua")
        let question = try terminal.waitFor("[y/N] ")
        #expect(question.contains("script rm noop.lua: datarule 'noop.lua'"), "\(question)")
        try terminal.typeLine("n")
        try terminal.waitFor("error: script rm: not confirmed, nothing done")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        let exit = try terminal.waitForExit()
        #expect(exit == .exited(0), "\(exit)")
        #expect(try OnepBinary.run(["script", "ls"], in: world).stdout.contains("noop.lua"))
    }
}
