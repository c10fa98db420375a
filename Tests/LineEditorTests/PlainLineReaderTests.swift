import Foundation
import Testing

import LineEditor
import TestSupport

@Suite("Reading plain lines from a pipe or file")
struct PlainLineReaderTests {
    /// A reader over a file holding `bytes` (a file, since a pipe would not take large inputs
    /// before the reader starts reading).
    private func reader(_ bytes: [UInt8]) throws -> PlainLineReader {
        let directory = try TemporaryDirectory()
        let path = directory.file("input")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return PlainLineReader(input: try #require(FileHandle(forReadingAtPath: path)))
    }

    private func reader(_ text: String) throws -> PlainLineReader {
        try reader(Array(text.utf8))
    }

    private func readAll(_ reader: PlainLineReader) -> [LineReadResult] {
        var results: [LineReadResult] = []
        while true {
            let result = reader.readLine(prompt: "onep> ")
            results.append(result)
            if result == .endOfFile {
                return results
            }
        }
    }

    @Test func linesComeBackWithoutTheirNewlines() throws {
        let lines = readAll(try reader("tree\ncd device1\n\nread temperature\n"))
        #expect(lines == [.line("tree"), .line("cd device1"), .line(""), .line("read temperature"), .endOfFile])
    }

    @Test func aLastLineWithoutNewlineIsStillALine() throws {
        #expect(readAll(try reader("tree\nls")) == [.line("tree"), .line("ls"), .endOfFile])
    }

    @Test func carriageReturnsBeforeNewlinesAreDropped() throws {
        #expect(readAll(try reader("tree\r\nls\r\n")) == [.line("tree"), .line("ls"), .endOfFile])
    }

    @Test func utf8TextIsDecoded() throws {
        #expect(readAll(try reader("cd 温度/café\n")) == [.line("cd 温度/café"), .endOfFile])
    }

    @Test func invalidUTF8IsReplacedNotDropped() throws {
        let results = readAll(try reader([0x61, 0xFF, 0x62, 0x0A]))
        #expect(results == [.line("a\u{FFFD}b"), .endOfFile])
    }

    @Test func emptyInputIsAtOnceTheEnd() throws {
        let reader = try reader("")
        #expect(reader.readLine(prompt: "") == .endOfFile)
        #expect(reader.readLine(prompt: "") == .endOfFile)
    }

    @Test func linesLongerThanOneReadArriveWhole() throws {
        let long = String(repeating: "x", count: 200_000)
        #expect(readAll(try reader("a\n\(long)\nb\n")) == [.line("a"), .line(long), .line("b"), .endOfFile])
    }

    @Test func manyShortLinesAllArriveInOrder() throws {
        let lines = (1...5_000).map { "write temperature \($0)" }
        let results = readAll(try reader(lines.joined(separator: "\n") + "\n"))
        #expect(results == lines.map { .line($0) } + [.endOfFile])
    }

    @Test func itIsNotInteractiveAndKeepsNoHistory() throws {
        let reader = try reader("tree\n")
        reader.addHistory("tree")
        #expect(!reader.isInteractive)
        #expect(reader.readLine(prompt: "onep> ") == .line("tree"))
    }

    @Test func itReadsFromAPipe() throws {
        let pipe = Pipe()
        try pipe.fileHandleForWriting.write(contentsOf: Data("tree\nls".utf8))
        try pipe.fileHandleForWriting.close()
        let reader = PlainLineReader(input: pipe.fileHandleForReading)
        #expect(readAll(reader) == [.line("tree"), .line("ls"), .endOfFile])
    }

    @Test func itReadsFromAFileDescriptor() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("script")
        try "tree\nls\n".write(toFile: path, atomically: false, encoding: .utf8)
        let handle = try #require(FileHandle(forReadingAtPath: path))
        let reader = PlainLineReader(fileDescriptor: handle.fileDescriptor)
        #expect(readAll(reader) == [.line("tree"), .line("ls"), .endOfFile])
        try handle.close()
    }
}

@Suite("Scripted input for shell tests")
struct ScriptedLineReaderTests {
    @Test func linesAreReplayedThenTheInputEnds() {
        let reader = ScriptedLineReader(lines: ["tree", "ls"])
        #expect(reader.readLine(prompt: "a> ") == .line("tree"))
        #expect(reader.readLine(prompt: "b> ") == .line("ls"))
        #expect(reader.readLine(prompt: "c> ") == .endOfFile)
        #expect(reader.prompts == ["a> ", "b> ", "c> "])
    }

    @Test func interruptionsCanBeScripted() {
        let reader = ScriptedLineReader(results: [.line("tree"), .interrupted, .line("ls")])
        #expect(reader.readLine(prompt: "") == .line("tree"))
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(reader.readLine(prompt: "") == .line("ls"))
        #expect(reader.readLine(prompt: "") == .endOfFile)
    }

    @Test func historyIsRecordedAsGiven() {
        let reader = ScriptedLineReader(lines: [])
        reader.addHistory("tree")
        reader.addHistory("auth cik <redacted>")
        #expect(reader.history == ["tree", "auth cik <redacted>"])
    }

    @Test func completionAsksTheInstalledCompleter() {
        let reader = ScriptedLineReader(lines: [], isInteractive: true)
        #expect(reader.complete("tr") == nil)
        reader.completer = { request in
            CompletionResult(replacing: request.textBeforeCursor.count, candidates: ["tree"].filter { $0.hasPrefix(request.textBeforeCursor) })
        }
        #expect(reader.isInteractive)
        #expect(reader.complete("tr") == CompletionResult(replacing: 2, candidates: ["tree"]))
        #expect(reader.complete("tr", cursor: 0) == CompletionResult(replacing: 0, candidates: ["tree"]))
    }
}
