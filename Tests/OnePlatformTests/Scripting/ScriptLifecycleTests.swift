import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// When scripts run, restart and stop, and what their status says.
@Suite("Script lifecycle", .timeLimit(.minutes(1)))
struct ScriptLifecycleTests {
    @Test func aNewSourceStartsTheScriptAgainFromTheTop() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        let script = try await platform.script("debug('first version') alias['in'].wait() debug('first saw a point')")
        try await platform.ok(
            "update", [.string(script), ["rule": ["script": "debug('second version') alias['in'].wait() debug('second saw a point')"]]])
        try await platform.platform.settle()
        platform.clock.advance(by: 1)
        try await platform.feed(["alias": "in"], 1)
        #expect(try await platform.log(script) == ["line 1: first version", "line 1: second version", "line 1: second saw a point"])
        #expect(try await platform.scriptStatus(script) == "completed")
        // Changing only the name does not restart it.
        try await platform.ok("update", [.string(script), ["name": "renamed"]])
        try await platform.platform.settle()
        #expect(try await platform.log(script).count == 3)
    }

    @Test func aSyntaxErrorIsTheStatusAtOnceAndAFixedSourceRuns() async throws {
        let platform = try TestPlatform.inMemory()
        let description: JSONObject = ["format": "string", "rule": ["script": "local x = 1\nlocal y = = 2"]]
        let script = try #require(try await platform.ok("create", ["datarule", .object(description)]).stringValue)
        // Without letting the runner run: the create itself checked the source.
        #expect(try await platform.scriptStatus(script) == "error")
        #expect(try await platform.log(script) == ["error: line 2: unexpected symbol near '='"])
        try await platform.ok("update", [.string(script), ["rule": ["script": "debug('fixed')"]]])
        try await platform.platform.settle()
        #expect(try await platform.scriptStatus(script) == "completed")
        #expect(try await platform.log(script) == ["error: line 2: unexpected symbol near '='", "line 1: fixed"])
        let activity = try await platform.ok("info", [.string(script), ["basic": true]])["basic"]?["activity"]
        #expect(activity == [[.int(platform.now), ["error", "running", "completed"]]])
    }

    @Test func aWaitOnTheLogEndsWhenAnUpdateLogsASyntaxError() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script("debug('fine')")
        platform.clock.advance(by: 1)
        let waiting = await platform.startWaiting([("wait", [.string(script), ["timeout": 600_000]])])
        try await platform.ok("update", [.string(script), ["rule": ["script": "local = 1"]]])
        let answer = try await TestPlatform.single(waiting)
        #expect(answer["result"] == [.int(platform.now), "error: line 1: <name> expected near '='"])
    }

    @Test func aRuntimeErrorStopsTheScriptWithItsLine() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script("local reading = nil\ndebug('before')\nlocal scaled = reading * 2\ndebug('after')")
        #expect(try await platform.scriptStatus(script) == "error")
        #expect(
            try await platform.log(script) == ["line 2: before", "error: line 3: attempt to perform arithmetic on local 'reading' (a nil value)"])
    }

    @Test func unboundedAllocationEndsWithNotEnoughMemoryAndSparesOtherScripts() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        try await platform.dataport("integer", alias: "out")
        let steady = try await platform.script("while true do local t = alias['in'].wait() alias['out'].value = alias['in'][t] + 1 end")
        let hungry = try await platform.script("local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep('x', 4096) .. i end")
        #expect(try await platform.scriptStatus(hungry) == "error")
        #expect(try await platform.log(hungry) == ["error: not enough memory"])
        let huge = try await platform.script("local s = string.rep('x', 1e9)\ndebug('made it')")
        #expect(try await platform.log(huge) == ["error: not enough memory"])
        try await platform.feed(["alias": "in"], 41)
        #expect(try await platform.latest(["alias": "out"]) == 42)
        #expect(try await platform.scriptStatus(steady) == "running")
    }

    @Test func aScriptThatNeverWaitsStarvesNeitherScriptsNorRequests() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        try await platform.dataport("integer", alias: "out")
        let runaway = try await platform.script("local n = 0 while true do n = n + 1 end")
        try await platform.script("while true do local t = alias['in'].wait() alias['out'].value = alias['in'][t] * 10 end")
        for value in 1...3 {
            platform.clock.advance(by: 1)
            try await platform.feed(["alias": "in"], .int(value))
            #expect(try await platform.latest(["alias": "out"]) == .int(value * 10))
        }
        #expect(try await platform.scriptStatus(runaway) == "running")
        try await platform.ok("drop", [.string(runaway)])
        try await platform.platform.settle()
    }

    @Test func droppingAScriptStopsIt() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        let out = try await platform.dataport("integer", alias: "out")
        let script = try await platform.script("while true do alias['in'].wait() alias['out'].value = 1 end")
        try await platform.ok("drop", [.string(script)])
        try await platform.feed(["alias": "in"], 5)
        #expect(try await platform.values(out) == [])
        // A script may drop itself; it ends there.
        let selfDropping = try await platform.script(
            "debug('going')\nlocal _, rids = manage.listing({alias = ''}, {'datarule'}, {})\nfor _, rid in ipairs(rids[1].datarule) do manage.drop(rid) end\nalias['out'].value = 3"
        )
        #expect(try await platform.values(out) == [])
        #expect(try await platform.call("info", [.string(selfDropping), [:]])["status"] == "restricted")
    }

    @Test func aFailingScriptLeavesTheOthersRunning() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        try await platform.dataport("integer", alias: "out")
        let worker = try await platform.script("while true do local t = alias['in'].wait() alias['out'].value = alias['in'][t] end")
        let failing = try await platform.script("alias['in'].wait() local x = nil x.field = 1")
        try await platform.feed(["alias": "in"], 7)
        #expect(try await platform.scriptStatus(failing) == "error")
        #expect(try await platform.scriptStatus(worker) == "running")
        #expect(try await platform.latest(["alias": "out"]) == 7)
    }

    @Test func scriptsChainThroughTheDataportsTheyWrite() async throws {
        let platform = try TestPlatform.inMemory()
        for name in ["a", "b", "c"] { try await platform.dataport("integer", alias: name) }
        try await platform.script("while true do local t = alias['a'].wait() alias['b'].value = alias['a'][t] + 1 end")
        try await platform.script("while true do local t = alias['b'].wait() alias['c'].value = alias['b'][t] * 2 end")
        try await platform.feed(["alias": "a"], 4)
        #expect(try await platform.latest(["alias": "c"]) == 10)
    }

    @Test func aScriptCanStartAnotherScript() async throws {
        let platform = try TestPlatform.inMemory()
        let out = try await platform.dataport("string", alias: "out")
        let parent = try await platform.script(
            """
            local ok, rid = manage.create({alias = ''}, 'datarule', {format = 'string', rule = {script = "alias['out'].value = 'from the child'"}})
            debug(tostring(ok))
            """)
        #expect(try await platform.log(parent) == ["line 2: true"])
        #expect(try await platform.values(out) == ["from the child"])
    }

    @Test func aClonedClientsScriptsRun() async throws {
        let platform = try TestPlatform.inMemory()
        let template = try await platform.client(["name": "template"])
        try await platform.dataport("integer", alias: "out", auth: template.auth)
        try await platform.script("alias['out'].value = 99", auth: template.auth)
        let clone = try #require(try await platform.ok("create", ["clone", ["rid": .string(template.rid), "noaliases": false]]).stringValue)
        try await platform.platform.settle()
        let info = try await platform.ok("info", [.string(clone), ["key": true, "aliases": true]])
        let cloneAuth: JSON = ["cik": try #require(info["key"])]
        try await platform.ok("activate", ["client", try #require(info["key"])])
        #expect(try await platform.latest(["alias": "out"], auth: cloneAuth) == 99)
    }

    @Test func reopeningThePlatformStartsEveryScriptAgainFromTheTop() async throws {
        let directory = try TemporaryDirectory()
        let clock = ManualClock(now: TestPlatform.start)
        let script: String
        do {
            let first = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            try await first.dataport("integer", alias: "in")
            script = try await first.script("debug('started') while true do alias['in'].wait() debug('saw') end")
            try await first.feed(["alias": "in"], 1)
            #expect(try await first.log(script) == ["line 1: started", "line 1: saw"])
        }
        clock.advance(by: 10)
        let second = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        try await second.platform.settle()
        // It starts again from the top: `.last` is the newest point, so the old one is not seen again.
        #expect(try await second.log(script) == ["line 1: started", "line 1: saw", "line 1: started"])
        try await second.feed(["alias": "in"], 2)
        #expect(try await second.log(script).last == "line 1: saw")
        #expect(try await second.scriptStatus(script) == "running")
    }
}
