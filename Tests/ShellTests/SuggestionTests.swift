import Testing

@testable import Shell

/// "Did you mean" and help for groups of commands: helpful for a typo, cheap for nonsense.
@Suite struct SuggestionTests {
    @Test func aHugeUnknownCommandFailsWithAShortLine() async throws {
        let shell = try ShellFixture()
        let result = await shell.run(String(repeating: "x", count: 1_000_000))
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("error: unknown command 'xxxx"))
        #expect(result.err.count < 200, "the message repeats the whole word")
    }

    @Test func aHugeWordCostsNoEditDistance() {
        // Bounded work: a word longer than any typo gets no suggestion and is never compared.
        let huge = String(repeating: "r", count: 1_000_000)
        #expect(Suggester.closest(to: huge, among: ["read", "write"]).isEmpty)
        #expect(Suggester.closest(to: "readxxxxxxxxxxxxxxxxxxxx", among: ["read", "write"]).isEmpty)
    }

    @Test func aTypoStillGetsItsSuggestion() {
        #expect(Suggester.closest(to: "raed", among: ["read", "write"]) == ["read"])
        #expect(Suggester.closest(to: "wri", among: ["read", "write", "writegroup"]) == ["write", "writegroup"])
    }

    @Test func helpForAGroupListsItsCommands() async throws {
        let shell = try ShellFixture()
        let result = await shell.run("help provision sn")
        #expect(result.status == 0)
        #expect(result.out.contains("provision sn list"))
        #expect(result.out.contains("provision sn activate"))
        #expect(!result.out.contains("provision model create"))
        #expect(await shell.run("help provision").out.contains("provision model create"))
    }

    @Test func helpForAMisspelledCommandSuggests() async throws {
        let shell = try ShellFixture()
        let result = await shell.run("help provison")
        #expect(result.status == 2)
        #expect(result.err.contains("did you mean 'provision'"), "\(result.err)")
        #expect(await shell.run("help raed").err.contains("did you mean 'read'"))
    }

    @Test func backslashQAndQuitLeave() async throws {
        for line in ["\\q", "quit"] {
            let shell = try ShellFixture()
            let status = await shell.runner.runScript(lines: [line, "create dataport never"])
            #expect(status == 0)
            #expect(await shell.run("ls").out == "")
        }
    }
}
