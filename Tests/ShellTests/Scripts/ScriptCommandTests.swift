import Foundation
import OneP
import OnePEmbedded
import OnePJSON
import Testing

/// `script ls|status|log|restart|rm` against the embedded platform.
@Suite(.timeLimit(.minutes(1))) struct ScriptCommandTests {
    @Test func lsShowsEachScriptsStatusAndErrorInConstantRequests() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport temperature --alias temperature",
            "create datarule hot --subscribe temperature --when simple --comparison gt --constant 30")
        for (name, source) in [("waits.lua", "alias['temperature'].wait()\n"), ("fails.lua", LuaScripts.failing), ("done.lua", LuaScripts.hello)] {
            try await shell.setUp("script upload \(try shell.lua(name, source))")
        }
        try await shell.platform.settle()
        #expect(
            await shell.run("script ls").out == """
                name       status     since       error
                done.lua   completed  1700000000
                fails.lua  error      1700000000  line 2: attempt to perform arithmetic on local 'x' (a nil value)
                waits.lua  running    1700000000

                """)
        try await shell.setUp("set format json")
        let listed = try JSON(parsing: await shell.run("script ls").out)
        #expect(listed.arrayValue?.count == 3)
        #expect(listed[1]?["error"] == "line 2: attempt to perform arithmetic on local 'x' (a nil value)")
        #expect(listed[0]?["error"] == .null)
        #expect(listed[0]?["rid"]?.stringValue?.count == 40)

        // Many more scripts cost no more requests.
        try await shell.setUp("set format text", "set timing on")
        let few = ShellFixture.requests(in: await shell.run("script ls").err)
        for index in 0..<40 { try await shell.setUp("create datarule s\(index) --script 'debug(1)'") }
        try await shell.platform.settle()
        let many = await shell.run("script ls")
        #expect(many.out.split(separator: "\n").count == 44)
        #expect(few == 3)
        #expect(ShellFixture.requests(in: many.err) == 3)
    }

    @Test func statusShowsARuntimeErrorFromTheLogAndJSONHasEveryField() async throws {
        let shell = try ShellFixture()
        try await shell.runSettled("script upload \(try shell.lua("fails.lua", LuaScripts.failing))")
        shell.clock.advance(by: 60)
        #expect(
            await shell.run("script status fails.lua --timeformat iso8601").out == """
                script: fails.lua
                status: error
                since: 2023-11-14T22:13:20Z
                error: line 2: attempt to perform arithmetic on local 'x' (a nil value)

                """)
        try await shell.setUp("set format json")
        let status = try JSON(parsing: await shell.run("script status fails.lua").out)
        #expect(status[0]?["name"] == "fails.lua")
        #expect(status[0]?["status"] == "error")
        #expect(status[0]?["since"] == 1_700_000_000)
        #expect(status[0]?["error"] == "line 2: attempt to perform arithmetic on local 'x' (a nil value)")
        let log = try JSON(parsing: await shell.run("script log fails.lua").out)
        #expect(log == [["timestamp": 1_700_000_000, "log": "error: line 2: attempt to perform arithmetic on local 'x' (a nil value)"]])
    }

    @Test func logShowsTheLastLinesOldestFirst() async throws {
        let shell = try ShellFixture()
        let source = "for i = 1, 3 do debug('first ' .. i) end\n"
        try await shell.runSettled("script upload \(try shell.lua("count.lua", source))")
        shell.clock.advance(by: 5)
        try await shell.runSettled("script restart count.lua")
        let lines = (1...3).map { "1700000000  line 1: first \($0)" } + (1...3).map { "1700000005  line 1: first \($0)" }
        #expect(await shell.run("script log count.lua --limit 10").out == (["timestamp   log"] + lines).joined(separator: "\n") + "\n")
        #expect(await shell.run("script log count.lua --limit 4").out == (["timestamp   log"] + lines.suffix(4)).joined(separator: "\n") + "\n")
        #expect(await shell.run("script log count.lua --limit 0").err.hasPrefix("error: script log: --limit '0' is not valid"))
    }

    @Test func followPrintsNewLinesIncludingThoseAddedToASecondAlreadyShown() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a --alias a", "create dataport b --alias b")
        let source = "while true do\n  alias['a'].wait()\n  debug('a')\n  alias['b'].wait()\n  debug('b')\nend\n"
        try await shell.runSettled("script upload \(try shell.lua("ab.lua", source))")
        let device = RPCClient(transport: InProcessTransport(platform: shell.platform), auth: .cik(shell.rootCIK))
        _ = shell.buffer.take()
        let following = Task { await shell.runner.run(line: "script log ab.lua --follow") }
        await shell.platform.untilSuspendedWaits(are: 1)
        _ = try await device.call(.write(.alias("a"), value: 1))
        try await shell.platform.settle()
        try await shell.untilPrinted("line 3: a")
        // The script's next line joins the point of the second already printed, which wakes no
        // wait: the follow reads that second again once its short wait ends.
        _ = try await device.call(.write(.alias("b"), value: 1))
        try await shell.platform.settle()
        shell.clock.advance(by: 3)
        try await shell.untilPrinted("line 5: b")
        _ = try await device.call(.write(.alias("a"), value: 2))
        try await shell.platform.settle()
        try await shell.untilPrinted("1700000003  line 3: a")
        following.cancel()
        #expect(await following.value.status.code == 130)
        #expect(
            shell.buffer.take().stdout == """
                timestamp   log
                1700000000  line 3: a
                1700000000  line 5: b
                1700000003  line 3: a

                """)
    }

    @Test func restartRunsTheScriptFromTheTop() async throws {
        let shell = try ShellFixture()
        try await shell.runSettled("script upload \(try shell.lua("hello.lua", LuaScripts.hello))")
        shell.clock.advance(by: 10)
        #expect(try await shell.runSettled("script restart hello.lua").out == "restarted script 'hello.lua'\n")
        #expect(await shell.run("script log hello.lua").out == "timestamp   log\n1700000000  line 1: hello\n1700000010  line 1: hello\n")
        #expect(await shell.run("script status hello.lua").out == "script: hello.lua\nstatus: completed\nsince: 1700000010\n")
        // The source stays byte for byte as uploaded, however often it restarts.
        for _ in 1...2 {
            let rule = try JSON(parsing: await shell.run("info hello.lua --include description").out)["description"]?["rule"]
            #expect(rule == ["script": .string(LuaScripts.hello)])
            try await shell.runSettled("script restart hello.lua")
        }
        #expect(await shell.run("script log hello.lua").out.split(separator: "\n").count == 5)
    }

    @Test func rmDropsTheScriptAndItsLog() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature")
        try await shell.runSettled("script upload \(try shell.lua("hello.lua", LuaScripts.hello))")
        try await shell.setUp("script rm hello.lua --yes")
        #expect(await shell.run("ls").out == "temperature\n")
        #expect(await shell.run("script status hello.lua").err == "error: 'hello.lua' not found here: 'ls' lists what is here\n")
        let refused = await shell.run("script rm temperature --yes")
        #expect(refused.err == "error: 'temperature' is a dataport, not a script: 'script ls' lists the scripts here\n")
        #expect(await shell.run("ls").out == "temperature\n")
    }

    @Test func helpScriptListsTheScriptCommandsAndWhereTheDocsAre() async throws {
        let shell = try ShellFixture()
        let help = await shell.run("help script").out
        let names = help.split(separator: "\n").filter { $0.hasPrefix("  script ") }.map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(names == ["script upload", "script ls", "script status", "script log", "script restart", "script rm"])
        #expect(help.hasPrefix("'script' commands:\n"))
        #expect(help.contains("docs/scripts/README.md"))
        #expect(await shell.run("help provision sn").out.contains("  provision sn enable "))
        #expect(await shell.run("help scripts").err.hasPrefix("error: unknown command 'scripts'"))
    }
}
