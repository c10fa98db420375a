import Foundation
import Testing
import TestSupport

@testable import LineEditor

@Suite("History kept in memory and in the history file")
struct HistoryStoreTests {
    @Test func theFileIsCreatedReadableByTheOwnerOnly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        store.add("read temperature")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func anExistingFileIsNarrowedToTheOwner() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        try #require(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
        let store = try HistoryStore(path: path, programName: "onep")
        store.add("tree")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func entriesComeBackInTheNextSessionExactly() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let lines = ["read temperature --limit 10", "write 'a\\b' \"c d\"", "cd 温度/café", "tab\there", "trailing space "]
        let first = try HistoryStore(path: path, programName: "onep")
        for line in lines {
            first.add(line)
        }
        let second = try HistoryStore(path: path, programName: "onep")
        #expect(second.entries == lines)
    }

    @Test func emptyLinesAndImmediateRepeatsAreNotRecorded() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        for line in ["tree", "tree", "   ", "", "ls", "tree"] {
            store.add(line)
        }
        #expect(store.entries == ["tree", "ls", "tree"])
        #expect(try HistoryStore(path: path, programName: "onep").entries == ["tree", "ls", "tree"])
    }

    @Test func anUnwritableFileLeavesHistoryInMemory() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("missing-directory/history")
        let store = try HistoryStore(path: path, programName: "onep")
        store.add("tree")
        store.add("ls")
        #expect(store.entries == ["tree", "ls"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotAHistoryFileIsLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        try "not a history file\n".write(toFile: path, atomically: false, encoding: .utf8)
        let store = try HistoryStore(path: path, programName: "onep")
        #expect(store.entries.isEmpty)
        store.add("tree")
        #expect(store.entries == ["tree"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a history file\n")
    }

    @Test func withoutAFileHistoryStaysInMemory() throws {
        let store = try HistoryStore(path: nil, programName: "onep")
        store.add("tree")
        #expect(store.entries == ["tree"])
    }

    @Test func onlyTheNewestEntriesAreKept() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        for number in 1...(HistoryStore.capacity + 5) {
            store.add("read \(number)")
        }
        #expect(store.entries.count == HistoryStore.capacity)
        #expect(store.entries.first == "read 6")
        #expect(try HistoryStore(path: path, programName: "onep").entries == store.entries)
    }

    @Test func aFileFarLongerThanTheCapacityIsCompactedOnLoad() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        for number in 1...(2 * HistoryStore.capacity + 1) {
            store.add("read \(number)")
        }
        _ = try HistoryStore(path: path, programName: "onep")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == HistoryStore.capacity + 1)
        #expect(lines.first == Substring(HistoryFileFormat.header.dropLast()))
        #expect(try HistoryStore(path: path, programName: "onep").entries.last == "read \(2 * HistoryStore.capacity + 1)")
    }
}

@Suite("Reading the whole history file")
struct HistoryFileTests {
    @Test func everyEntryComesBackAsTyped() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        let lines = (1...(HistoryStore.capacity + 3)).map { "read \($0)" } + ["cd 温度/café", "write 'a\\b' \"c d\""]
        for line in lines {
            store.add(line)
        }
        // The editor recalls only its capacity; the file, read whole, has them all.
        #expect(HistoryFile.entries(atPath: path) == lines)
    }

    @Test func aMissingOrForeignFileHasNoEntries() throws {
        let directory = try TemporaryDirectory()
        #expect(HistoryFile.entries(atPath: directory.file("missing")) == nil)
        let foreign = directory.file("foreign")
        try "not a history file\n".write(toFile: foreign, atomically: false, encoding: .utf8)
        #expect(HistoryFile.entries(atPath: foreign) == nil)
        let empty = directory.file("empty")
        try "".write(toFile: empty, atomically: false, encoding: .utf8)
        #expect(HistoryFile.entries(atPath: empty) == [])
    }

    @Test func clearingForgetsTheLinesInMemoryAndLeavesTheFileToItsOwner() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("history")
        let store = try HistoryStore(path: path, programName: "onep")
        store.add("tree")
        store.add("ls")
        store.clear()
        #expect(store.entries.isEmpty)
        // The line entered just before the clear may be entered again at once.
        store.add("ls")
        #expect(store.entries == ["ls"])
        #expect(HistoryFile.entries(atPath: path) == ["tree", "ls", "ls"])
    }
}

@Suite("History file lines")
struct HistoryFileFormatTests {
    @Test func whiteSpaceControlCharactersAndBackslashesAreEscaped() {
        #expect(HistoryFileFormat.encode("a b\tc\\d\u{7F}") == "a\\040b\\011c\\\\d\\177\n")
    }

    @Test func nonASCIITextIsWrittenAsItIs() {
        #expect(HistoryFileFormat.encode("温度 café") == "温度\\040café\n")
    }

    @Test func anEscapeIsAlwaysThreeDigitsSoFollowingDigitsStayApart() {
        #expect(HistoryFileFormat.encode("\u{1}7") == "\\0017\n")
    }
}
