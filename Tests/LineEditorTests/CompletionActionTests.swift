import Testing

@testable import LineEditor

@Suite("What Tab does with a completer's answer")
struct CompletionActionTests {
    private func action(_ line: String, replacing: Int, _ candidates: [String], cursor: Int? = nil) -> CompletionAction {
        let request = CompletionRequest(line: line, cursor: cursor ?? line.count)
        return CompletionAction(request: request, result: CompletionResult(replacing: replacing, candidates: candidates))
    }

    @Test func aUniqueCandidateIsInsertedWithATrailingSpace() {
        #expect(action("read tem", replacing: 3, ["temperature"]) == .replace(word: "tem", replacement: "temperature "))
    }

    @Test func aUniqueCandidateEndingInSlashGetsNoSpace() {
        #expect(action("cd dev", replacing: 3, ["device1/"]) == .replace(word: "dev", replacement: "device1/"))
    }

    @Test func severalCandidatesExtendToTheirCommonPrefix() {
        #expect(action("cd d", replacing: 1, ["device1/", "device2/"]) == .replace(word: "d", replacement: "device"))
    }

    @Test func severalCandidatesWithNothingMoreInCommonAreListed() {
        #expect(action("cd device", replacing: 6, ["device1/", "device2/"]) == .list(["device1/", "device2/"]))
    }

    @Test func noCandidateLeavesTheLineAlone() {
        #expect(action("cd zzz", replacing: 3, []) == CompletionAction.none)
    }

    @Test func repeatedCandidatesCountOnce() {
        #expect(action("tr", replacing: 2, ["tree", "tree"]) == .replace(word: "tr", replacement: "tree "))
    }

    @Test func theWordIsCountedInCharactersBeforeTheCursor() {
        // The cursor sits after "温"; the text after it is not part of the word.
        let result = action("cd 温x", replacing: 1, ["温度/"], cursor: 4)
        #expect(result == .replace(word: "温", replacement: "温度/"))
    }

    @Test func aCombiningAccentStaysWithItsLetter() {
        let decomposed = "cafe\u{301}"
        #expect(action(decomposed, replacing: 4, ["café au lait"]) == .replace(word: decomposed, replacement: "café au lait "))
    }

    @Test func aReplacementCountBeyondTheTextBeforeTheCursorIsClamped() {
        #expect(action("ab", replacing: 10, ["abc"]) == .replace(word: "ab", replacement: "abc "))
        #expect(action("ab", replacing: -3, ["x"]) == .replace(word: "", replacement: "x "))
    }

    @Test func theCommonPrefixComparesWholeCharacters() {
        #expect(CompletionAction.commonPrefix(of: ["温度a", "温度b", "温泉"]) == "温")
        #expect(CompletionAction.commonPrefix(of: ["abc"]) == "abc")
        #expect(CompletionAction.commonPrefix(of: ["abc", "xyz"]) == "")
        #expect(CompletionAction.commonPrefix(of: []) == "")
    }
}

@Suite("The line and cursor handed to a completer")
struct CompletionRequestTests {
    @Test func textBeforeCursorCountsCharacters() {
        let request = CompletionRequest(line: "cd 温度/temp", cursor: 5)
        #expect(request.textBeforeCursor == "cd 温度")
    }

    @Test func aCursorOutsideTheLineIsClamped() {
        #expect(CompletionRequest(line: "abc", cursor: 9).cursor == 3)
        #expect(CompletionRequest(line: "abc", cursor: -1).cursor == 0)
    }
}
