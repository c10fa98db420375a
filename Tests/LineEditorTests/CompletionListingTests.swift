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
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
        let words: [String] = lines.flatMap { line in line.split(separator: " ").map { String($0) } }
        #expect(Set(words) == Set(candidates))
    }
}

@Suite("Terminal columns a string occupies")
struct DisplayWidthTests {
    @Test func asciiTakesOneColumnPerCharacter() {
        #expect(DisplayWidth.of("temperature") == 11)
    }

    @Test func cjkAndFullwidthTakeTwo() {
        #expect(DisplayWidth.of("温度") == 4)
        #expect(DisplayWidth.of("ＡＢ") == 4)
        #expect(DisplayWidth.of("한국") == 4)
    }

    @Test func combiningMarksTakeNone() {
        #expect(DisplayWidth.of("cafe\u{301}") == 4)
        #expect(DisplayWidth.of("café") == 4)
    }

    @Test func emojiTakeTwo() {
        #expect(DisplayWidth.of("😀") == 2)
        // East Asian Width W: the watch is an emoji even without a selector.
        #expect(DisplayWidth.of("\u{231A}") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
    }

    /// The shell's tables and the completion listing measured these two differently before they
    /// shared one measure: the emoji presentation selector makes a two-column emoji of a symbol
    /// that alone is one column, and a character counts once however many scalars it holds.
    @Test func theEmojiSelectorMakesTwoColumns() {
        #expect(DisplayWidth.of("\u{2600}") == 1)
        #expect(DisplayWidth.of("\u{2600}\u{FE0F}") == 2)
        #expect(DisplayWidth.of("🌡️") == 2)
    }

    @Test func paddingCountsColumns() {
        #expect(DisplayWidth.pad("温", to: 4) == "温  ")
        #expect(DisplayWidth.padLeft("⌚", to: 3) == " ⌚")
    }
}
