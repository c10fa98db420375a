import Testing

@testable import LineEditor

@Suite("Completion candidates laid out in columns")
struct CompletionListingTests {
    @Test func candidatesFillColumnsTopToBottom() {
        let listing = CompletionListing.render(["a", "bb", "ccc", "d", "e"], width: 12)
        // Columns are 5 wide (longest candidate plus the gutter); 12 columns hold two of them.
        #expect(listing == "a    d\nbb   e\nccc\n")
    }

    @Test func aNarrowTerminalGetsOneCandidatePerLine() {
        #expect(CompletionListing.render(["temperature", "humidity"], width: 5) == "temperature\nhumidity\n")
    }

    @Test func wideCharactersArePaddedByTheirDisplayWidth() {
        let listing = CompletionListing.render(["温度", "ab", "cd"], width: 20)
        #expect(listing == "温度  ab    cd\n")
    }

    @Test func noCandidatesRenderNothing() {
        #expect(CompletionListing.render([], width: 80) == "")
    }

    @Test func everyLineFitsTheWidth() {
        let candidates = (1...40).map { "dataport\($0)" }
        let listing = CompletionListing.render(candidates, width: 50)
        let lines = listing.split(separator: "\n")
        #expect(lines.allSatisfy { displayWidth(of: $0) <= 50 })
        let words: [String] = lines.flatMap { line in line.split(separator: " ").map { String($0) } }
        #expect(Set(words) == Set(candidates))
    }
}

@Suite("Terminal columns a string occupies")
struct DisplayWidthTests {
    @Test func asciiTakesOneColumnPerCharacter() {
        #expect(displayWidth(of: "temperature") == 11)
    }

    @Test func cjkAndFullwidthTakeTwo() {
        #expect(displayWidth(of: "温度") == 4)
        #expect(displayWidth(of: "ＡＢ") == 4)
        #expect(displayWidth(of: "한국") == 4)
    }

    @Test func combiningMarksTakeNone() {
        #expect(displayWidth(of: "cafe\u{301}") == 4)
        #expect(displayWidth(of: "café") == 4)
    }

    @Test func emojiTakeTwo() {
        #expect(displayWidth(of: "😀") == 2)
    }
}
