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

    /// Types `line` at a new shell, answers "n" to the question it asks, expects `command`'s
    /// refusal and leaves the shell; answers the question as it was shown.
    private func declined(_ line: String, command: String, in world: IsolatedEnvironment) throws -> String {
        let terminal = try PseudoTerminal.onep(in: world)
        try terminal.typeLine(line)
        let question = try terminal.waitFor("[y/N] ")
        try terminal.typeLine("n")
        try terminal.waitFor("error: \(command): not confirmed, nothing done")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        let exit = try terminal.waitForExit()
        #expect(exit == .exited(0), "\(exit)")
        return question
    }

    @Test func dropAllChildrenAsksAndNoKeepsEverything() throws {
        let world = try IsolatedEnvironment()
        try setUp(["create client dev", "create dataport dev/a --format integer", "create client dev/inner", "write dev/a 3"], in: world)
        let question = try declined("drop dev --all-children", command: "drop", in: world)
        #expect(question.contains("drop dev --all-children: "), "\(question)")
        #expect(try OnepBinary.run(["ls", "dev"], in: world).stdout == "a\ninner/\n")
        #expect(try OnepBinary.run(["read", "dev/a"], in: world).stdout.hasSuffix("  3\n"))

        let again = try PseudoTerminal.onep(in: world)
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
        let question = try declined("script rm noop.lua", command: "script rm", in: world)
        #expect(question.contains("script rm noop.lua: datarule 'noop.lua'"), "\(question)")
        #expect(try OnepBinary.run(["script", "ls"], in: world).stdout.contains("noop.lua"))
    }
}
