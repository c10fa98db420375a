import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Two platforms opened on one data directory, as two processes open it: each sees the other's
/// points, and exactly one of them fires timers and runs scripts. (A platform's lock is taken on
/// the open file, so two platforms in one process exclude each other as two processes do; the
/// end-to-end tests run two real processes.)
@Suite("Two platforms on one data directory", .timeLimit(.minutes(1)))
struct SharedDirectoryTests {
    /// Opens a platform on the directory, on a shared clock.
    private func open(_ directory: TemporaryDirectory, _ clock: ManualClock, as command: String) throws -> TestPlatform {
        TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .whenFree(as: command)), clock: clock)
    }

    /// Two platforms on one directory and one clock, as two processes open them.
    private struct TwoProcesses {
        let directory: TemporaryDirectory
        let clock: ManualClock
        let first: TestPlatform
        let second: TestPlatform
    }

    /// Opens two platforms on a fresh directory; the names are the commands each says it is.
    private func twoProcesses(_ first: String = "first", _ second: String = "second") throws -> TwoProcesses {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        return TwoProcesses(
            directory: directory, clock: clock, first: try open(directory, clock, as: first), second: try open(directory, clock, as: second))
    }

    @Test func aWaitEndsOnAPointTheOtherWrote() async throws {
        let two = try twoProcesses()
        let (first, second) = (two.first, two.second)
        try await first.dataport("integer", alias: "temp")
        let waiting = await second.startWaiting([("wait", [["alias": "temp"], ["timeout": 600_000]])])
        try await first.ok("write", [["alias": "temp"], 7])
        #expect(try await TestPlatform.single(waiting)["result"] == [.int(TestTime.start), 7])
    }

    @Test func aWaitWithSinceEndsOnAPointTheOtherWrote() async throws {
        let two = try twoProcesses()
        let (clock, first, second) = (two.clock, two.first, two.second)
        try await first.dataport("integer", alias: "temp")
        try await first.ok("write", [["alias": "temp"], 1])
        clock.advance(by: 1)
        let waiting = await second.startWaiting([("wait", [["alias": "temp"], ["timeout": 600_000, "since": .int(TestTime.start)]])])
        try await first.ok("write", [["alias": "temp"], 2])
        #expect(try await TestPlatform.single(waiting)["result"] == [.int(TestTime.start + 1), 2])
    }

    @Test func aPointTheOtherStoredBeforeTheWaitBeganDoesNotEndIt() async throws {
        let two = try twoProcesses()
        let (clock, first, second) = (two.clock, two.first, two.second)
        try await first.dataport("integer", alias: "temp")
        try await first.ok("write", [["alias": "temp"], 1])
        // The second platform may not have read the first point from the log yet: the wait must
        // not take it for a new one when it does.
        let waiting = await second.startWaiting([("wait", [["alias": "temp"], ["timeout": 600_000]])])
        try await Task.sleep(for: .milliseconds(300))
        clock.advance(by: 1)
        try await first.ok("write", [["alias": "temp"], 2])
        #expect(try await TestPlatform.single(waiting)["result"] == [.int(TestTime.start + 1), 2])
    }

    @Test func aLongPollEndsOnAPointTheOtherWrote() async throws {
        let two = try twoProcesses()
        let (first, second) = (two.first, two.second)
        let device = try await DataDevice.make(first, dataports: [("temp", "float")])
        let polling = DataDevice(platform: second, cik: device.cik, auth: device.auth)
        let request = polling.request("GET", query: "temp", headers: [("Request-Timeout", "300000")])
        let answer = Task { await second.platform.processDataInterface(request) }
        await second.untilSuspended(1)
        #expect(await device.send("POST", body: "temp=2.5").status == 204)
        #expect(await answer.value.text == "temp=2.5")
    }

    @Test func exactlyOneRunsTheBackgroundWorkAndSaysWho() async throws {
        let two = try twoProcesses("onep serve", "onep")
        let (first, second) = (two.first, two.second)
        #expect(first.platform.backgroundWorkOwner == .thisProcess)
        guard case .otherProcess(let facts?) = second.platform.backgroundWorkOwner else {
            Issue.record("the second platform should see the first as the owner, saw \(second.platform.backgroundWorkOwner)")
            return
        }
        #expect(facts.pid == getpid())
        #expect(facts.command == "onep serve")
        #expect(facts.description == "onep serve (pid \(getpid()))")
    }

    @Test func aOneShotPlatformNeverTakesItsTurn() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        let oneShot = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never), clock: clock)
        #expect(oneShot.platform.backgroundWorkOwner == .nobody)
        let server = try open(directory, clock, as: "onep serve")
        #expect(server.platform.backgroundWorkOwner == .thisProcess)
        guard case .otherProcess(let facts) = oneShot.platform.backgroundWorkOwner else {
            Issue.record("the one-shot platform should see the server as the owner")
            return
        }
        #expect(facts?.command == "onep serve")
    }

    @Test func theOwnerFiresATimerTheOtherSet() async throws {
        let two = try twoProcesses("owner", "other")
        let (clock, owner, other) = (two.clock, two.first, two.second)
        // The owner has no timer of its own, so its scheduler sleeps until the log tells it of this one.
        let rule = try await other.datarule(["timeout": ["timeout": 10, "repeat": false]])
        clock.advance(by: 10)
        #expect(try await eventually { try await owner.timeline(rule) == [[10, 1]] })
        try await other.platform.settle()
        try await owner.platform.settle()
        #expect(try await owner.timeline(rule) == [[10, 1]])
    }

    @Test func aScriptTheOtherCreatedRunsOnceInTheOwner() async throws {
        let two = try twoProcesses("owner", "other")
        let (owner, other) = (two.first, two.second)
        try await other.dataport("integer", alias: "in")
        let script = try await other.script("debug('started') while true do alias['in'].wait() debug('saw') end")
        #expect(try await eventually { try await owner.log(script) == ["line 1: started"] })
        #expect(await eventually { owner.platform.waitingScriptCount == 1 })
        // A point the other platform writes wakes the script in the owner.
        try await other.ok("write", [["alias": "in"], 1])
        #expect(try await eventually { try await owner.log(script) == ["line 1: started", "line 1: saw"] })
        #expect(other.platform.waitingScriptCount == 0)
    }

    @Test func aScriptTheOtherUpdatesWithTheSameSourceRestartsInTheOwner() async throws {
        let two = try twoProcesses("owner", "other")
        let (owner, other) = (two.first, two.second)
        try await other.dataport("integer", alias: "in")
        let source = "debug('started') while true do alias['in'].wait() debug('saw') end"
        let script = try await other.script(source)
        #expect(await eventually { owner.platform.waitingScriptCount == 1 })
        try await other.ok("update", [.string(script), ["rule": ["script": .string(source)]]])
        #expect(try await eventually { try await owner.log(script) == ["line 1: started", "line 1: started"] })
        #expect(await eventually { owner.platform.waitingScriptCount == 1 })
        try await other.ok("write", [["alias": "in"], 1])
        #expect(try await eventually { try await owner.log(script) == ["line 1: started", "line 1: started", "line 1: saw"] })
        #expect(other.platform.waitingScriptCount == 0)
    }

    @Test func aScriptTheOtherDropsStopsInTheOwner() async throws {
        let two = try twoProcesses("owner", "other")
        let (owner, other) = (two.first, two.second)
        try await other.dataport("integer", alias: "in")
        let script = try await other.script("while true do alias['in'].wait() end")
        #expect(await eventually { owner.platform.waitingScriptCount == 1 })
        try await other.ok("drop", [.string(script)])
        #expect(await eventually { owner.platform.waitingScriptCount == 0 })
    }

    @Test func theNextTakesOverWhenTheOwnerCloses() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        var owner: TestPlatform? = try open(directory, clock, as: "owner")
        let next = try open(directory, clock, as: "next")
        let rule = try await next.datarule(["timeout": ["timeout": 10, "repeat": false]])
        try await next.dataport("integer", alias: "in")
        let script = try await next.script("debug('started') while true do alias['in'].wait() end")
        #expect(try await eventually { try await next.log(script) == ["line 1: started"] })
        #expect(next.platform.waitingScriptCount == 0)
        owner = nil
        #expect(await eventually { next.platform.backgroundWorkOwner == .thisProcess })
        // The script starts again from the top in the new owner, and the timer fires there.
        #expect(try await eventually { try await next.log(script) == ["line 1: started", "line 1: started"] })
        clock.advance(by: 10)
        #expect(try await eventually { try await next.timeline(rule) == [[10, 1]] })
        _ = owner
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func aReaderThatFellBehindThePrunedLogWakesEveryWait() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        let platform = try open(directory, clock, as: "onep")
        let rid = try await platform.dataport("integer", alias: "temp")
        let waiting = await platform.startWaiting([("wait", [["alias": "temp"], ["timeout": 600_000]])])
        // Another writer stores a point, but the log rows that named it are gone (pruned): the
        // first row left comes long after the last one this platform read, and names nothing here.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [
            directory.file("onep.sqlite"),
            """
            BEGIN;
            INSERT INTO point (resource_id, timestamp, value) VALUES ((SELECT id FROM resource WHERE rid = '\(rid)'), \(TestTime.start + 5), 42);
            INSERT INTO change_log (seq, kind, key, origin) SELECT coalesce(max(seq), 0) + 100, 0, -1, 1 FROM change_log;
            COMMIT;
            """,
        ]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        #expect(try await TestPlatform.single(waiting)["result"] == [.int(TestTime.start + 5), 42])
    }
}
