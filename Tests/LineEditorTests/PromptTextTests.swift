import Testing

@testable import LineEditor

@Suite("Prompts with terminal escapes")
struct PromptTextTests {
    @Test func colorSequencesAreMarkedInvisible() {
        let prompt = "\u{1B}[1;32monep\u{1B}[0m:/> "
        #expect(PromptText.markingEscapes(prompt) == "\u{1}\u{1B}[1;32m\u{1}onep\u{1}\u{1B}[0m\u{1}:/> ")
    }

    @Test func aTitleSequenceIsMarkedUpToItsTerminator() {
        let prompt = "\u{1B}]0;onep\u{7}> "
        #expect(PromptText.markingEscapes(prompt) == "\u{1}\u{1B}]0;onep\u{7}\u{1}> ")
    }

    @Test func aPlainPromptIsUnchanged() {
        #expect(PromptText.markingEscapes("onep:/温度> ") == "onep:/温度> ")
    }

    @Test func aPromptAlreadyMarkedIsUnchanged() {
        let prompt = "\u{1}\u{1B}[1m\u{1}onep> "
        #expect(PromptText.markingEscapes(prompt) == prompt)
    }

    @Test func aTruncatedSequenceAtTheEndIsMarkedWhole() {
        #expect(PromptText.markingEscapes("> \u{1B}[1") == "> \u{1}\u{1B}[1\u{1}")
    }
}
