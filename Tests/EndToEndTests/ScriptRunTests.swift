import Foundation
import Testing

/// onep run without a terminal: scripts on a pipe, `-f`, `-c`, and one command as arguments.
@Suite("Scripts and one-shot commands")
struct ScriptRunTests {
    @Test func aScriptOnStandardInputRunsEveryLine() throws {
        let world = try IsolatedEnvironment()
        let script = "create dataport level --format integer\nwrite level 7\nset format csv\nread level\n"
        let result = try OnepBinary.run([], input: script, in: world)
        #expect(result.status == 0, "\(result)")
        // create prints the new RID, read the point, its time local and human as csv shows it by default.
        #expect(
            result.stdout.firstMatch(of: /^[0-9a-f]{40}\ntimestamp,level\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d,7\n$/) != nil,
            "\(result)")
        #expect(result.stderr.isEmpty)
        let read = try OnepBinary.run(["read", "level"], in: world)
        #expect(read.status == 0, "\(read)")
        #expect(read.stdout.hasSuffix("  7\n"))
    }

    @Test func oneShotCommandPrintsItsOutputAndExitsZero() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["read", "demo/temperature", "--limit", "5"], in: world)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.hasPrefix("timestamp") == true)
        #expect(result.stderr.isEmpty)
    }

    @Test func argumentsKeepTheirWordsThroughRequoting() throws {
        let world = try IsolatedEnvironment()
        #expect(try OnepBinary.run(["create", "dataport", "note", "--format", "string"], in: world).status == 0)
        let value = #"it's "quoted"; #not a comment ${HOME} \ end"#
        let write = try OnepBinary.run(["write", "note", value], in: world)
        #expect(write.status == 0, "\(write)")
        let read = try OnepBinary.run(["--format", "json", "read", "note"], in: world)
        #expect(read.status == 0, "\(read)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["note"] as? String == value)
    }

    @Test func dashCAndDashFRunInTheOrderGiven() throws {
        let world = try IsolatedEnvironment()
        let file = try world.file(named: "steps.onep", containing: "write counter 2\n")
        let result = try OnepBinary.run(
            ["-c", "create dataport counter --format integer", "-c", "write counter 1", "-f", file, "-c", "read counter --limit 5 --sort asc"],
            in: world)
        #expect(result.status == 0, "\(result)")
        let values = result.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").last }
        // Both writes may land in the same second; the last write wins then, so at least the 2 is there.
        #expect(values.last == "2")
    }

    @Test func dashFDashReadsStandardInput() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["-f", "-"], input: "ls demo\n", in: world)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("temperature"))
    }

    @Test func aScriptStopsAtTheFirstFailure() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run([], input: "ls\nread nosuchthing\ncreate dataport after --format integer\n", in: world)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains("nosuchthing"))
        let check = try OnepBinary.run(["ls"], in: world)
        #expect(!check.stdout.contains("after"))
    }

    @Test func continueOnErrorRunsTheRestAndReportsTheFailure() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(
            ["--continue-on-error"], input: "read nosuchthing\ncreate dataport after --format integer\n", in: world)
        #expect(result.status == 1, "\(result)")
        let check = try OnepBinary.run(["ls"], in: world)
        #expect(check.stdout.contains("after"))
    }

    @Test func echoPrintsEachLineBeforeItsOutput() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--echo", "-c", "cd demo", "-c", "pwd"], in: world)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasPrefix("cd demo\n"))
        #expect(result.stdout.contains("pwd\n"))
    }

    @Test func formatJSONPrintsOneDocumentPerCommand() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--format", "json", "read", "demo/humidity", "--limit", "3"], in: world)
        #expect(result.status == 0, "\(result)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0["humidity"] is Int && $0["timestamp"] is Int })
    }

    @Test func exitStatusesSayWhatWentWrong() throws {
        let world = try IsolatedEnvironment()
        #expect(try OnepBinary.run(["ls"], in: world).status == 0)
        #expect(try OnepBinary.run(["read", "nosuchthing"], in: world).status == 1)
        #expect(try OnepBinary.run(["read"], in: world).status == 2)
        #expect(try OnepBinary.run(["frobnicate"], in: world).status == 2)
        #expect(try OnepBinary.run(["-c", "exit 5"], in: world).status == 5)
    }

    @Test func aMissingScriptFileFailsBeforeAnythingRuns() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["-c", "create dataport early --format integer", "-f", world.root + "/missing.onep"], in: world)
        #expect(result.status == 1)
        #expect(result.stderrLines == ["onep: cannot read \(world.root)/missing.onep: No such file or directory"])
        #expect(!(try OnepBinary.run(["ls"], in: world).stdout.contains("early")))
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'"),
        (["--format", "yaml", "ls"], "yaml"),
        (["--host"], "--host"),
        (["--host", "ftp://example.com", "ls"], "only http:// and https://"),
        (["--host", "example.com:99999", "ls"], "port"),
        (["--cik", "a", "--key", "b", "ls"], "not both"),
        (["-c", "ls", "tree"], "not both"),
        (["--host", "http://127.0.0.1:1", "--data", "/tmp/x", "ls"], "--data"),
    ])
    func badOuterFlagsAreAUsageErrorOnOneLine(arguments: [String], mentioning text: String) throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(arguments, in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.hasPrefix("onep: "))
        #expect(result.stderr.contains(text), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func anUnknownKeyNameIsAUsageError() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--key", "nosuchkey", "ls"], in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("nosuchkey"))
    }

    @Test func helpIsPrintedInFullAndExitsZero() throws {
        let world = try IsolatedEnvironment()
        let outer = try OnepBinary.run(["--help"], in: world)
        #expect(outer.status == 0)
        #expect(outer.stdout.contains("--continue-on-error"))
        #expect(outer.stdout.contains("onep serve"))
        let shellHelp = try OnepBinary.run(["help"], in: world)
        #expect(shellHelp.status == 0, "\(shellHelp)")
        #expect(shellHelp.stdout.contains("tree"))
        let serveHelp = try OnepBinary.run(["serve", "--help"], in: world)
        #expect(serveHelp.status == 0)
        #expect(serveHelp.stdout.contains("--port"))
    }

    @Test func aBadServeFlagIsAUsageError() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["serve", "--port", "70000"], in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1)
    }
}
