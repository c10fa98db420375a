import Foundation
import Testing
import TestSupport

@testable import LineEditor

/// libedit on a real pseudo-terminal: the keys a person presses and what the reader returns.
/// Serialized because libedit reads terminal descriptions through process-wide state.
/// libedit keeps process-wide state (its signal handlers serve one editor at a time), and these
/// tests run it on threads of the test process, where a session left reading by an earlier test
/// was seen to keep a later one from ever printing its prompt. They run on demand with
/// `ONEP_INPROCESS_TTY_TESTS=1`; the same behaviours are covered on every run by the end-to-end
/// pseudo-terminal tests, which drive the real binary in a process of its own.
@Suite(
    "Editing a line on a terminal", .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["ONEP_INPROCESS_TTY_TESTS"] == "1"))
struct EditLineSessionTests {
    private static let words = ["device1/", "device2/", "temperature", "humidity", "温度/", "read", "record", "tree"]

    /// Completes the last space-separated word from a fixed list, as the shell completes names.
    private static let completer: @Sendable (CompletionRequest) -> CompletionResult = { request in
        let word = request.textBeforeCursor.split(separator: " ", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        return CompletionResult(replacing: word.count, candidates: words.filter { $0.hasPrefix(word) })
    }

    private func harness(historyFile: String? = nil, editrc: String = "/dev/null") throws -> EditorHarness {
        let harness = try EditorHarness(historyFile: historyFile, editrc: editrc)
        harness.completer = Self.completer
        return harness
    }

    @Test func aTypedLineIsReturnedWithoutItsNewline() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("read temperature\r")
        #expect(await result == .line("read temperature"))
    }

    @Test func backspaceRemovesAWholeWideOrAccentedCharacter() async throws {
        let harness = try harness()
        async let first = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("cd 温度x\u{7F}\u{7F}\r")
        #expect(await first == .line("cd 温"))
        async let second = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("café\u{7F}e\r")
        #expect(await second == .line("cafe"))
    }

    @Test func tabInsertsAUniqueCandidateAndASpace() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("read tem\t")
        try harness.waitFor("read temperature ")
        harness.type("--limit 1\r")
        #expect(await result == .line("read temperature --limit 1"))
    }

    @Test func tabCompletesWideCharactersWithoutASpaceAfterASlash() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("cd 温\t\r")
        #expect(await result == .line("cd 温度/"))
    }

    @Test func tabExtendsToTheCommonPrefix() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("cd d\t")
        try harness.waitFor("cd device")
        harness.type("2/\r")
        #expect(await result == .line("cd device2/"))
    }

    @Test func tabListsCandidatesInColumnsAndRedrawsTheLine() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("re\t")
        try harness.waitFor("read    record\n")
        try harness.waitFor("onep> re")
        harness.type("c\t\r")
        #expect(await result == .line("record "))
    }

    @Test func tabWithNothingToOfferLeavesTheLineAlone() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("zz\t\r")
        #expect(await result == .line("zz"))
    }

    @Test func ctrlCDiscardsTheLineAndTheNextPromptStartsClean() async throws {
        let harness = try harness()
        async let first = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("tree --depth\u{1B}[D\u{1B}[D\u{03}")
        #expect(await first == .interrupted)
        try harness.waitFor("^C\n")
        async let second = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("ls\r")
        #expect(await second == .line("ls"))
    }

    @Test func ctrlDEndsInputOnlyOnAnEmptyLine() async throws {
        let harness = try harness()
        async let first = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("ls\u{04}\r")
        #expect(await first == .line("ls"))
        async let second = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("\u{04}")
        #expect(await second == .endOfFile)
    }

    @Test func arrowUpRecallsEarlierLines() async throws {
        let harness = try harness()
        harness.addHistory("tree")
        harness.addHistory("ls")
        async let result = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("\u{1B}[A\u{1B}[A\r")
        #expect(await result == .line("tree"))
    }

    @Test func historyFromAnEarlierSessionIsRecalled() async throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("history")
        do {
            let earlier = try harness(historyFile: file)
            async let line = earlier.readLine(prompt: "onep> ")
            try earlier.waitFor("onep> ")
            earlier.type("cd 温度/\r")
            guard case .line(let text) = await line else { Issue.record("no line read"); return }
            earlier.addHistory(text)
        }
        let later = try harness(historyFile: file)
        async let result = later.readLine(prompt: "onep> ")
        try later.waitFor("onep> ")
        later.type("\u{1B}[A\r")
        #expect(await result == .line("cd 温度/"))
    }

    @Test func viModeFromAnEditrcKeepsTabAndCtrlC() async throws {
        let directory = try TemporaryDirectory()
        let editrc = directory.file("editrc")
        try "bind -v\n".write(toFile: editrc, atomically: false, encoding: .utf8)
        let harness = try harness(editrc: editrc)
        async let first = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        // Escape to command mode, "0" to the start, "x" deletes a character.
        harness.type("xtree\u{1B}0x\r")
        #expect(await first == .line("tree"))
        async let second = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("read hum\t\r")
        #expect(await second == .line("read humidity "))
        async let third = harness.readLine(prompt: "onep> ")
        try harness.waitFor("onep> ")
        harness.type("abc\u{1B}\u{03}")
        #expect(await third == .interrupted)
    }

    @Test func aColoredPromptIsShown() async throws {
        let harness = try harness()
        async let result = harness.readLine(prompt: "\u{1B}[1monep\u{1B}[0m:/> ")
        try harness.waitFor("onep:/> ")
        harness.type("tree\r")
        #expect(await result == .line("tree"))
    }
}
