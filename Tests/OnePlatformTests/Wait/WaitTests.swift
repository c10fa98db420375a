import OnePJSON
import OnePlatform
import Testing

/// `wait`: long polls answered by the next point, by a point already after `since`, or by `expire`.
@Suite struct WaitTests {
    private var now: Int { Int(TestPlatform.start) }

    @Test func answersAStoredPointAfterSinceAtOnce() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        try await platform.ok("record", [["alias": "w"], [[1000, 1], [2000, 2], [3000, 3]], [:]])
        #expect(try await platform.ok("wait", [["alias": "w"], ["timeout": 1000, "since": 1500]]) == [2000, 2])
        #expect(try await platform.ok("wait", [["alias": "w"], ["since": 2000]]) == [3000, 3])
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    /// A test's helper awaiting a count that never comes ends when its task is cancelled (as a
    /// time limit cancels it), instead of holding up the test run for good.
    @Test(.timeLimit(.minutes(1))) func awaitingAWaitCountEndsWhenCancelled() async throws {
        let platform = try TestPlatform.inMemory()
        let awaiting = Task { await platform.platform.untilSuspendedWaits(are: 3) }
        awaiting.cancel()
        await awaiting.value
        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await platform.platform.untilSuspendedWaits(are: 2)
        }
        await cancelledFirst.value
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func aWriteAfterTheCallArrivesEndsTheWait() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "t")
        try await platform.ok("write", [["alias": "t"], 1])
        let waiting = await platform.startWaiting([("wait", [["alias": "t"], ["timeout": 5000]])])
        platform.clock.advance(by: 2)
        try await platform.ok("write", [["alias": "t"], 21.5])
        let answer = try await TestPlatform.single(waiting)
        #expect(answer["status"] == "ok")
        #expect(answer["result"] == [.int(now + 2), 21.5])
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func expiresWhenTheClockPassesTheTimeout() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        let waiting = await platform.startWaiting([("wait", [["alias": "w"], ["timeout": 5000]])])
        platform.clock.advance(by: 5)
        let answer = try await TestPlatform.single(waiting)
        #expect(answer == ["id": 1, "status": "expire"])
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func waitsThirtySecondsWhenNoTimeoutIsGiven() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        let answered = await platform.startWaiting([("wait", [["alias": "w"], [:]])])
        platform.clock.advance(by: 29.5)
        try await platform.ok("write", [["alias": "w"], 7])
        #expect(try await TestPlatform.single(answered)["result"] == [.int(now + 29), 7])

        let expired = await platform.startWaiting([("wait", [["alias": "w"]])])
        platform.clock.advance(by: 30)
        #expect(try await TestPlatform.single(expired)["status"] == "expire")
    }

    @Test func aZeroTimeoutExpiresAtOnceWhenNothingIsThere() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        #expect(try await platform.status("wait", [["alias": "w"], ["timeout": 0]]) == "expire")
        #expect(try await platform.status("wait", [["alias": "w"], ["timeout": 0, "since": 0]]) == "expire")
    }

    @Test func aPointNotAfterSinceDoesNotEndTheWait() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("string", alias: "s")
        let options: JSON = ["timeout": 60_000, "since": .int(now + 10)]
        let waiting = await platform.startWaiting([("wait", [["alias": "s"], options])])
        try await platform.ok("write", [["alias": "s"], "too early"])
        // The write woke the waiter; it looked, found nothing after `since`, and waits again.
        await platform.untilSuspended(1)
        try await platform.ok("record", [["alias": "s"], [[.int(now + 20), "later"]], [:]])
        #expect(try await TestPlatform.single(waiting)["result"] == [.int(now + 20), "later"])
    }

    @Test func oneWriteReleasesEveryWaiterOfTheResource() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        try await platform.dataport("integer", alias: "other")
        var tasks: [Task<[JSON], any Error>] = []
        for _ in 0..<50 {
            tasks.append(await platform.startWaiting([("wait", [["alias": "w"], ["timeout": 10_000]])]))
        }
        let bystander = await platform.startWaiting([("wait", [["alias": "other"], ["timeout": 10_000]])])
        try await platform.ok("write", [["alias": "w"], 42])
        for task in tasks {
            #expect(try await TestPlatform.single(task)["result"] == [.int(now), 42])
        }
        #expect(platform.platform.suspendedWaitCount == 1)
        platform.clock.advance(by: 10)
        #expect(try await TestPlatform.single(bystander)["status"] == "expire")
    }

    @Test func cancellingTheRequestForgetsTheWaiter() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        let request: JSON = ["auth": platform.auth, "calls": [["id": 1, "procedure": "wait", "arguments": [["alias": "w"], [:]]]]]
        let waiting = Task { await platform.platform.processRPC(request.utf8Bytes()) }
        await platform.untilSuspended(1)
        waiting.cancel()
        #expect(await waiting.value.isEmpty)
        #expect(platform.platform.suspendedWaitCount == 0)
        try await platform.ok("write", [["alias": "w"], 1])
    }
}
