import OnePJSON
import OnePlatform
import Testing

@Suite("Datarule timers")
struct TimerPersistenceTests {
    @Test func timersSurviveARestartAndCatchUp() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let firstClock = ManualClock(now: TestPlatform.start)
        let first = TestPlatform(platform: try Platform.open(directory: directory.path, clock: firstClock), clock: firstClock)
        let rule = try await first.datarule(["timeout": ["timeout": 60, "repeat": true]])
        let counter = try await first.datarule(["count": ["comparison": "gt", "constant": 0, "count": 2, "timeout": 100, "repeat": true]])
        try await first.write(counter, 1)
        let auth = first.auth
        // The platform is gone while its rules come due; the next one catches up when it opens.
        let clock = ManualClock(now: TestPlatform.start + 130)
        let second = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock), clock: clock)
        #expect(second.auth == auth)
        try await second.platform.settle()
        #expect(try await second.timeline(rule) == [[60, 1], [120, 1]])
        #expect(try await second.timeline(counter) == [[100, 0]])
        try await second.advance(by: 50)
        #expect(try await second.timeline(rule) == [[60, 1], [120, 1], [180, 1]])
    }

    @Test func theSchedulerFiresWithoutBeingAsked() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 10, "repeat": true]])
        platform.clock.advance(by: 10)
        // No settle: the platform's own scheduler wakes on the clock. Each read gives it a turn.
        var values: [JSON] = []
        for _ in 0..<100_000 where values.isEmpty {
            values = try await platform.values(rule)
        }
        #expect(values == [1])
    }
}
