import Testing

@testable import Shell

/// "Did you mean": helpful for a typo, cheap for nonsense.
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
}
