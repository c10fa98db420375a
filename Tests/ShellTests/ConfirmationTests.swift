import Testing
import TestSupport

/// A command that destroys finds its target first, then asks, saying exactly what will go.
@Suite struct ConfirmationTests {
    /// The questions a scripted terminal was asked, without the prompts of the shell itself.
    private func questions(_ reader: ScriptedLineReader) -> [String] {
        reader.prompts.filter { !$0.hasPrefix("onep") }
    }

    @Test func aMissingTargetIsReportedWithoutAsking() async throws {
        let shell = try ShellFixture()
        let reader = ScriptedLineReader(
            lines: ["drop nosuch", "flush nosuch", "revoke share 0123456789abcdef0123456789abcdef01234567"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(questions(reader).isEmpty, "\(reader.prompts)")
        #expect(shell.buffer.stderr.contains("'nosuch' not found here"))
        #expect(shell.buffer.stderr.contains("revoke"))
    }

    @Test func theQuestionSaysWhatGoesAndHowMuchIsBelowIt() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev", "create dataport dev/temperature", "create client dev/inner", "create dataport dev/inner/level",
            "record dev/temperature 1,1 2,2 3,3", "record dev/inner/level 1,1")
        let rid = await shell.run("lookup --owner dev/temperature").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let reader = ScriptedLineReader(lines: ["drop dev", "n", "flush dev/temperature", "n"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        let asked = questions(reader)
        #expect(asked.count == 2, "\(asked)")
        let drop = asked.first ?? ""
        #expect(drop.hasPrefix("drop dev: client 'dev' (\(rid))"), "\(drop)")
        #expect(drop.contains("3 resources and 4 points below it"), "\(drop)")
        #expect(drop.hasSuffix("[y/N] "))
        let flush = asked.last ?? ""
        #expect(flush.contains("dataport 'temperature'"), "\(flush)")
        #expect(flush.contains("3 points"), "\(flush)")
        #expect(shell.buffer.stderr.contains("error: drop: not confirmed, nothing done"))
        #expect(await shell.run("ls dev").out == "temperature\ninner/\n")
    }

    @Test func provisioningAsksOnlyForWhatExists() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client tmpl", "provision model create fleet tmpl", "provision sn add fleet A1 A2")
        let reader = ScriptedLineReader(lines: ["provision model delete nosuch", "provision model delete fleet", "n"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        let asked = questions(reader)
        #expect(asked.count == 1, "\(asked)")
        #expect(asked.first?.contains("model 'fleet'") == true, "\(asked)")
        #expect(asked.first?.contains("2 serial numbers") == true, "\(asked)")
        #expect(await shell.run("provision model list").out.contains("fleet"))
    }

    @Test func aScriptNeverAsksAndYesNeverAsks() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a", "create dataport b")
        let reader = ScriptedLineReader(lines: ["drop a --yes"], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(questions(reader).isEmpty)
        #expect(await shell.runner.runScript(lines: ["drop b"]) == 0)
        #expect(await shell.run("ls").out == "")
    }
}
