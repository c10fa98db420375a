import Foundation
import Shell
import Testing

/// Whole-window and whole-client reads, paged through the platform, and their CSV fed back to `record`.
@Suite struct ReadAndRecordCSVTests {
    @Test func aWindowWithoutALimitIsReadWholeAndLimitAllReadsEverything() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer", "record a 10,1 20,2 30,3 40,4")
        #expect(await shell.run("read a").out == "timestamp  a\n40         4\n")
        #expect(await shell.run("read a --start 15").out == "timestamp  a\n40         4\n30         3\n20         2\n")
        #expect(await shell.run("read a --end 25 --sort asc").out == "timestamp  a\n10         1\n20         2\n")
        #expect(await shell.run("read a --limit all --sort asc").out == "timestamp  a\n10         1\n20         2\n30         3\n40         4\n")
        #expect(await shell.run("read a --start 15 --limit 1").out == "timestamp  a\n40         4\n")
        let bad = await shell.run("read a --limit some")
        #expect(bad.err.hasPrefix("error: read: --limit 'some' is not valid, expected a positive number or 'all'\n"))
    }

    @Test func pagesOfAFewPointsMergeIntoTheSameTable() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer", "create dataport b --format integer")
        try await shell.setUp("record a " + (1...25).map { "\($0 * 10),\($0)" }.joined(separator: " "))
        try await shell.setUp("record b " + (1...12).map { "\($0 * 20 + 5),\($0)" }.joined(separator: " "))
        let whole = await shell.csv("read a b --limit all --sort asc")
        for order in ["asc", "desc"] {
            let paged = await shell.csv("read a b --limit all --sort \(order) --chunk 3")
            let expected =
                order == "asc"
                ? whole.out : "timestamp,a,b\n" + whole.out.split(separator: "\n").dropFirst().reversed().joined(separator: "\n") + "\n"
            #expect(paged.out == expected)
        }
        #expect(whole.out.split(separator: "\n").count == 1 + 25 + 12)
        let limited = await shell.csv("read a b --limit 2 --chunk 1")
        #expect(limited.out == "timestamp,a,b\n250,25,\n245,,12\n240,24,\n225,,11\n")
        #expect(await shell.run("read a --chunk 0").err.contains("--chunk '0' is not valid"))
    }

    @Test func aClientReadsAllItsDataportsWithTheHeaderAsked() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev", "cd dev", "create dataport temperature --format float --alias temp", "create dataport status --format string",
            "record temperature 100,20.5 200,21", "record status 200,ok", "cd ..")
        #expect(
            await shell.run("read dev --sort asc --limit all").out
                == "timestamp  status  temperature\n100                20.5\n200        ok      21.0\n")
        #expect(await shell.csv("read dev --limit all --header alias").out.hasPrefix("timestamp,status,temp\n"))
        #expect(await shell.csv("read dev --limit 1 --header path").out == "timestamp,/dev/status,/dev/temperature\n200,ok,21.0\n")
    }

    @Test func readCSVRecordsBackIntoAnotherClient() async throws {
        let shell = try ShellFixture { $0.timeFormat = nil }
        try await shell.setUp(
            "set tz America/Chicago", "create client dev", "cd dev", "create dataport temperature --format float",
            "create dataport status --format string", "record temperature 1699999940,20.5 1700000000,21", "record status 1700000000,'a, \"b\"'",
            "cd ..", "create client copy", "cd copy", "create dataport temperature --format float", "create dataport status --format string",
            "cd ..")
        let exported = await shell.csv("read dev --limit all --sort asc")
        #expect(exported.out == "timestamp,status,temperature\n2023-11-14 16:12:20-06:00,,20.5\n2023-11-14 16:13:20-06:00,\"a, \"\"b\"\"\",21.0\n")
        let path = try shell.write("export.csv", exported.out)
        #expect(await shell.run("record copy --file \(path)").out == "recorded 3 points\n")
        #expect(await shell.csv("read copy --limit all --sort asc").out == exported.out)
    }

    @Test func columnsNameTheResourcesAndEmptyCellsAreSkipped() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "cd dev", "create dataport a --format integer", "create dataport b --format string", "cd ..")
        let path = try shell.write("plain.csv", "10,x,1\n20,y,\n30,,3\n")
        #expect(await shell.run("record dev --file \(path) --columns b,a").out == "recorded 4 points\n")
        #expect(await shell.csv("read dev/a dev/b --limit all --sort asc").out == "timestamp,a,b\n10,1,x\n20,,y\n30,3,\n")
    }

    @Test func badRowsAreOneErrorNamingLineAndColumnAndChangeNothing() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "cd dev", "create dataport a --format integer", "create dataport b --format float", "cd ..")
        let ragged = await shell.run("record dev --file \(try shell.write("ragged.csv", "timestamp,a,b\n10,1,2\n20,3\n"))")
        #expect(ragged.status == 1)
        #expect(ragged.err.hasSuffix("ragged.csv line 3 has 1 values where there are 2 columns (a, b): 20,3; nothing was recorded\n"))
        let word = await shell.run("record dev --file \(try shell.write("word.csv", "timestamp,a,b\n10,1,2\n20,3,warm\n"))")
        #expect(
            word.err.hasSuffix(
                "word.csv line 3 column 3 (b): 'warm' is not a number, which float dataport b needs: 20,3,warm; nothing was recorded\n"))
        let unknown = await shell.run("record dev --file \(try shell.write("unknown.csv", "timestamp,a,c\n10,1,2\n"))")
        #expect(unknown.err.contains("unknown.csv line 1 is a header with an unknown column (record: 'c' names no dataport or datarule of /dev"))
        #expect(unknown.err.split(separator: "\n").count == 1)
        let binary = try shell.write("binary.csv", "")
        try Data([0x10, 0x2C, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: binary))
        #expect(await shell.run("record dev/a --file \(binary)").err.hasSuffix("line 1 is not UTF-8 text; nothing was recorded\n"))
        #expect(await shell.run("read dev --limit all").out == "timestamp  a  b\n")
    }

    @Test func intervalStampsValuesBackwardsFromNow() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer")
        let path = try shell.write("values.txt", "3\n2\n1\n")
        #expect(await shell.run("record a --file \(path) --interval 60").out == "recorded 3 points\n")
        let now = Int(ShellFixture.start)
        #expect(await shell.csv("read a --limit all --sort asc").out == "timestamp,a\n\(now - 120),1\n\(now - 60),2\n\(now),3\n")
    }

    @Test func writeKeepsTheTextOfAStringAndReadsStandardInput() async throws {
        let shell = try ShellFixture { $0.standardInputLines = { TextLines(text: "line one\nline two\n") } }
        try await shell.setUp("create dataport s --format string", "create dataport n --format integer", "write s 007", "write n 007")
        #expect(await shell.csv("read s n").out.hasSuffix(",007,7\n"))
        try await shell.setUp("write s 42 --string", "write s -")
        #expect(await shell.json("read s").out.contains(#""s":"line one\nline two""#))
    }
}

extension ShellFixture {
    /// Runs a line with the output format set to csv for it alone.
    func csv(_ line: String) async -> (status: Int32, out: String, err: String) {
        await formatted("csv", line)
    }

    func json(_ line: String) async -> (status: Int32, out: String, err: String) {
        await formatted("json", line)
    }

    private func formatted(_ format: String, _ line: String) async -> (status: Int32, out: String, err: String) {
        await run("set format \(format)")
        let result = await run(line)
        await run("set format text")
        return result
    }
}
