import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Shell
import Testing
import TestSupport

@Suite struct RecordStreamingTests {
    /// Writes `lines` to a file in the fixture's home and answers its path.
    private func file(_ shell: ShellFixture, _ name: String, _ lines: [String]) throws -> String {
        let path = shell.home + "/" + name
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aLargeFileGoesOutAChunkPerRequest() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer", "set timing on")
        let single = await shell.run("record a 1,1")
        #expect(ShellFixture.requests(in: single.err) == 4, "resolving 'a' the first time, its format, then the recordbatch")
        let path = try file(shell, "big.csv", ["timestamp,value"] + (1...12_000).map { "\($0 + 10),\($0)" } + [""])
        let result = await shell.run("record a --file \(path)")
        #expect(result.out == "recorded 12000 points\n")
        // 'a' is known by now: its format, then 5,000 points per recordbatch request; four requests in all.
        #expect(ShellFixture.requests(in: result.err) == 4)
        try await shell.setUp("set timing off")
        #expect(await shell.run("read a --limit 2").out == "timestamp  a\n12010      12000\n12009      11999\n")
    }

    @Test func aBadLineIsFoundBeforeAnythingIsSent() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let lines = (1...7_000).map { "\($0),\($0)" } + ["7001;7001"] + (7_002...7_010).map { "\($0),\($0)" }
        let result = await shell.run("record a --file \(try file(shell, "bad.csv", lines))")
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err == "error: \(shell.home)/bad.csv line 7001 is not TS,VALUE: 7001;7001; nothing was recorded\n")
        #expect(await shell.run("read a --limit 1").out == "timestamp  a\n")
    }

    @Test func aBadTimeOrABadByteNamesItsLine() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let badTime = await shell.run("record a --file \(try file(shell, "time.csv", ["10,1", "", "# note", "yesterday,2"]))")
        #expect(badTime.status == 1)
        #expect(badTime.err == "error: \(shell.home)/time.csv line 4 has a bad time: yesterday,2; nothing was recorded\n")

        let path = shell.home + "/bytes.csv"
        try Data(Array("20,2\n30,".utf8) + [0xFF] + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        let badBytes = await shell.run("record a --file \(path)")
        #expect(badBytes.status == 1)
        #expect(badBytes.err == "error: \(path) line 2 is not UTF-8 text; nothing was recorded\n")
        #expect(await shell.run("read a --limit 5").out == "timestamp  a\n")
    }

    @Test func aFileOfNoPointsIsAnError() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let result = await shell.run("record a --file \(try file(shell, "empty.csv", ["timestamp,value", "# nothing yet"]))")
        #expect(result.status == 1)
        #expect(result.err == "error: record: \(shell.home)/empty.csv held no points\n")
    }

    @Test func linesSplitAcrossBlocksComeOutWhole() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("lines", "first line\r\nsecond\n\nthird without a break")
        let lines = try TextLines(file: path, blockSize: 3)
        var read: [String] = []
        while let line = try lines.next() { read.append(line) }
        #expect(read == ["first line\r", "second", "", "third without a break"])
        #expect(lines.lineNumber == 4)
        #expect(try lines.next() == nil)
    }

    @Test func aLineLongerThanTheCapIsAnErrorNamingIt() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let path = shell.home + "/binary.csv"
        // No line break at all after the first line, as in a binary file: reading stops at the cap.
        try Data(Array("10,1\n".utf8) + [UInt8](repeating: 0x41, count: TextLines.maxLineLength + 1)).write(to: URL(fileURLWithPath: path))
        let result = await shell.run("record a --file \(path)")
        #expect(result.status == 1)
        #expect(
            result.err
                == "error: \(path) line 2 is longer than 64 KiB, too long for a TS,VALUE line; nothing was recorded\n")
    }

    @Test func aLineAtTheCapSpanningManyBlocksIsRead() throws {
        let long = String(repeating: "x", count: TextLines.maxLineLength)
        var blocks = Array(Array((long + "\nshort\n" + long + "y\nafter").utf8).chunked(7).reversed())
        let lines = TextLines(readBlock: { blocks.popLast() })
        #expect(try lines.next() == long)
        #expect(try lines.next() == "short")
        #expect {
            _ = try lines.next()
        } throws: { error in
            "\(error)" == "line 3 is longer than 64 KiB, too long for a TS,VALUE line"
        }
    }

    @Test func aBadLongLineIsShownCutShort() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let bad = String(repeating: "9", count: 200)
        let result = await shell.run("record a --file \(try file(shell, "long.csv", ["10,1", bad]))")
        #expect(result.status == 1)
        #expect(
            result.err == "error: \(shell.home)/long.csv line 2 is not TS,VALUE: \(bad.prefix(80))…; nothing was recorded\n")
    }
}

/// Points the platform refuses while they are sent (a rule the shell cannot check first, here a
/// fraction for an integer dataport): one error naming the line and column, and what was stored.
@Suite struct RecordRefusalTests {
    @Test func aRefusedPointFromStandardInputNamesItsLineAndColumn() async throws {
        let shell = try ShellFixture { $0.standardInputLines = { TextLines(text: "timestamp,a,b\n10,1,1\n20,2,2.5\n30,3,3\n") } }
        try await shell.setUp("create client dev", "create dataport dev/a --format integer", "create dataport dev/b --format integer")
        let result = await shell.run("record dev -")
        #expect(result.status == 1)
        #expect(
            result.err
                == "error: standard input line 3, column 3 (b): the platform refused '2.5' (invalid): 'b' is an integer dataport: "
                + "2.5 is not a whole number; 5 points were stored\n")
        #expect(await shell.run("read dev --limit all").out == "timestamp  a  b\n30         3  3\n20         2\n10         1  1\n")
    }

    @Test func aFIFOStopsAfterTheRequestWithARefusedPoint() async throws {
        signal(SIGPIPE, SIG_IGN)
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let fifo = shell.file("points")
        try #require(mkfifo(fifo, 0o600) == 0)
        let text = (1...12_000).map { $0 == 6_001 ? "\($0),1.5" : "\($0),\($0)" }.joined(separator: "\n") + "\n"
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            guard descriptor >= 0 else { return }
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                bytes = bytes.dropFirst(written)
            }
            close(descriptor)
        }
        writer.start()
        let result = await shell.run("record a --file \(fifo)")
        // Frees the writer should the shell not have opened the FIFO.
        close(open(fifo, O_RDONLY | O_NONBLOCK))
        #expect(result.status == 1)
        // Points go 5,000 a request: the second request held the refused point, the third never went.
        #expect(
            result.err
                == "error: \(fifo) line 6001, column 2 (a): the platform refused '1.5' (invalid): 'a' is an integer dataport: "
                + "1.5 is not a whole number; 9999 points were stored, nothing after line 10000 was sent\n")
        #expect(await shell.run("read a --limit 1").out == "timestamp  a\n10000      10000\n")
    }

    @Test func aRefusedArgumentNamesThePoint() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let result = await shell.run("record a 10,1 20,2.5")
        #expect(result.status == 1)
        #expect(
            result.err
                == "error: record: point 20,2.5: the platform refused '2.5' (invalid): 'a' is an integer dataport: 2.5 is not a whole number; "
                + "1 point was stored\n")
    }
}

extension Array {
    /// The array in pieces of `size` elements, the last possibly shorter.
    fileprivate func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
