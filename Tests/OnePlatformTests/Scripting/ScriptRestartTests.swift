import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// An `update` that carries a script rule starts the script again from the top, even when the
/// source is the one it already runs; the stored source stays byte for byte as sent.
@Suite("Script restart", .timeLimit(.minutes(1)))
struct ScriptRestartTests {
    /// A source whose last bytes a restart by toggling a trailing space would change.
    static let waiting = "debug('started')\nwhile true do alias['in'].wait() debug('saw') end\n"

    @Test func anUpdateWithTheSameSourceRestartsAWaitingScript() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "in")
        let script = try await platform.script(Self.waiting)
        platform.clock.advance(by: 5)
        try await platform.ok("update", [.string(script), ["rule": ["script": .string(Self.waiting)]]])
        try await platform.platform.settle()
        #expect(try await platform.log(script) == ["line 1: started", "line 1: started"])
        #expect(platform.platform.waitingScriptCount == 1)
        let info = try await platform.ok("info", [.string(script), ["description": true]])
        #expect(info["description"]?["rule"]?["script"]?.stringValue == Self.waiting)
        // Only the new start waits: one point wakes it once.
        try await platform.feed(["alias": "in"], 1)
        #expect(try await platform.log(script) == ["line 1: started", "line 1: started", "line 2: saw"])
        #expect(try await platform.scriptStatus(script) == "running")
    }

    @Test func aCompletedScriptRunsAgainAndAFailedOneFailsAgain() async throws {
        let platform = try TestPlatform.inMemory()
        let hello = try await platform.script("debug('hello')")
        let failing = try await platform.script("debug('before')\nlocal x = nil\nx.field = 1")
        platform.clock.advance(by: 1)
        for (script, source) in [(hello, "debug('hello')"), (failing, "debug('before')\nlocal x = nil\nx.field = 1")] {
            try await platform.ok("update", [.string(script), ["rule": ["script": .string(source)]]])
        }
        try await platform.platform.settle()
        #expect(try await platform.log(hello) == ["line 1: hello", "line 1: hello"])
        #expect(try await platform.scriptStatus(hello) == "completed")
        let error = "error: line 3: attempt to index local 'x' (a nil value)"
        #expect(try await platform.log(failing) == ["line 1: before", error, "line 1: before", error])
        #expect(try await platform.scriptStatus(failing) == "error")
        let activity = try await platform.ok("info", [.string(hello), ["basic": true]])["basic"]?["activity"]
        #expect(activity == [[.int(platform.now), ["running", "completed"]], [.int(platform.now - 1), ["running", "completed"]]])
    }

    @Test func aRunawayScriptRestartsFromTheTop() async throws {
        let platform = try TestPlatform.inMemory()
        let source = "debug('started') local n = 0 while true do n = n + 1 end"
        let script = try await platform.script(source)
        try await platform.ok("update", [.string(script), ["rule": ["script": .string(source)]]])
        try await platform.platform.settle()
        #expect(try await platform.log(script) == ["line 1: started", "line 1: started"])
        try await platform.ok("drop", [.string(script)])
        try await platform.platform.settle()
    }

    @Test func anUpdateWithoutARuleOrWithTheSameOtherRuleDoesNotRestart() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.script("debug('hello')")
        try await platform.ok("update", [.string(script), ["name": "renamed", "meta": "m"]])
        try await platform.platform.settle()
        #expect(try await platform.log(script) == ["line 1: hello"])
        // A timeout rule given again unchanged keeps its running timer.
        let rule = try await platform.datarule(["timeout": ["timeout": 10, "repeat": false]])
        platform.clock.advance(by: 5)
        try await platform.ok("update", [.string(rule), ["rule": ["timeout": ["timeout": 10, "repeat": false]]]])
        platform.clock.advance(by: 5)
        try await platform.platform.settle()
        #expect(try await platform.timeline(rule) == [[10, 1]])
    }

    @Test func aScriptCanRestartAnotherThroughManageUpdate() async throws {
        let platform = try TestPlatform.inMemory()
        let worker = try await platform.script("debug('worker started')", alias: "worker")
        let restarter = try await platform.script(
            "local _, rule = manage.info({alias = 'worker'}, {description = true})\ndebug(tostring(manage.update({alias = 'worker'}, {rule = rule.description.rule})))"
        )
        #expect(try await platform.log(restarter) == ["line 2: true"])
        #expect(try await platform.log(worker) == ["line 1: worker started", "line 1: worker started"])
    }

    @Test func theStartsSurviveReopeningAndTheScriptStartsOnceThen() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        let script: String
        do {
            let first = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
            try await first.dataport("integer", alias: "in")
            script = try await first.script(Self.waiting)
            try await first.ok("update", [.string(script), ["rule": ["script": .string(Self.waiting)]]])
            try await first.platform.settle()
            #expect(try await first.log(script).count == 2)
        }
        let second = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        try await second.platform.settle()
        #expect(try await second.log(script) == Array(repeating: "line 1: started", count: 3))
        try await second.ok("update", [.string(script), ["rule": ["script": .string(Self.waiting)]]])
        try await second.platform.settle()
        #expect(try await second.log(script) == Array(repeating: "line 1: started", count: 4))
        #expect(second.platform.waitingScriptCount == 1)
    }
}
