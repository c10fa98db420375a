import Foundation
import Shell
import Testing

@Suite struct DataTests {
    @Test func writeAndReadBack() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature --format float", "write temperature 21.5")
        shell.clock.advance(by: 10)
        try await shell.setUp("write temperature 22")
        #expect(await shell.run("read temperature").out == "timestamp   temperature\n1700000010  22.0\n")
        #expect(await shell.run("read temperature --limit 5 --sort asc").out == "timestamp   temperature\n1700000000  21.5\n1700000010  22.0\n")
        #expect(await shell.run("read temperature --timeformat iso8601").out == "timestamp             temperature\n2023-11-14T22:13:30Z  22.0\n")
        #expect(await shell.run("read temperature --limit 5 --start -5s").out == "timestamp   temperature\n1700000010  22.0\n")
        try await shell.setUp("set format json")
        #expect(await shell.run("read temperature").out == #"[{"timestamp":1700000010,"temperature":22.0}]"# + "\n")
        try await shell.setUp("set format csv")
        #expect(await shell.run("read temperature --limit 2").out == "timestamp,temperature\n1700000010,22.0\n1700000000,21.5\n")
    }

    @Test func severalResourcesMergeByTimestampInOneRequest() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport a --format integer", "create dataport b --format string", "record a 100,1 200,2", "record b 200,x 300,y")
        // A shell that has resolved nothing yet.
        let output = OutputBuffer()
        let fresh = shell.newRunner(output: output)
        // `pwd` learns which client the shell is, which a first command would otherwise ask too.
        _ = await fresh.run(line: "pwd")
        _ = await fresh.run(line: "set timing on")
        _ = output.take()
        _ = await fresh.run(line: "read a b --limit 10")
        let result = output.take()
        #expect(result.stdout == "timestamp  a  b\n300           y\n200        2  x\n100        1\n")
        // Both paths resolve together (alias lookups + listing, then names), then one request reads both.
        #expect(ShellFixture.requests(in: result.stderr) == 3)
        // Now the names are known: the read is the only request.
        _ = await fresh.run(line: "read a b --limit 10")
        #expect(ShellFixture.requests(in: output.take().stderr) == 1)
    }

    @Test func writegroupAndRecord() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer", "create dataport b --format float", "writegroup a=1 b=2.5")
        #expect(await shell.run("read a b").out == "timestamp   a  b\n1700000000  1  2.5\n")
        let recorded = await shell.run("record a -60,5 2023-11-14T22:00:00Z,6")
        #expect(recorded.out == "recorded 2 points\n")
        #expect(await shell.run("read a --limit 3 --sort asc").out == "timestamp   a\n1699999200  6\n1699999940  5\n1700000000  1\n")
        let file = shell.home + "/points.csv"
        try "timestamp,value\n10,7\n20,\"8\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await shell.run("record a --file \(file)").out == "recorded 2 points\n")
        #expect(await shell.run("read a --end 20 --limit 5").out == "timestamp  a\n20         8\n10         7\n")
        let refused = await shell.run("record a 30,notanumber")
        // The dataport's format is known: a word for an integer is refused before anything is sent.
        #expect(refused.status == 2)
        #expect(refused.err.contains("'notanumber' is not a number, which integer dataport a needs"))
        #expect(await shell.run("record a --file \(shell.home)/missing.csv").status == 1)
        #expect(await shell.run("record a 30").status == 2)
        #expect(await shell.run("record a yesterday,4").status == 2)
        #expect(await shell.run("writegroup a").status == 2)
    }

    @Test func flushWithWindow() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --format integer", "record a 10,1 20,2 30,3")
        try await shell.setUp("flush a --newer-than 10 --older-than 30")
        #expect(await shell.run("read a --limit 5").out == "timestamp  a\n30         3\n10         1\n")
        try await shell.setUp("flush a --yes")
        #expect(await shell.run("read a --limit 5").out == "timestamp  a\n")
    }
}
