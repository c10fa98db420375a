import OnePlatform
import Testing

@Suite("Clocks")
struct ClockTests {
    @Test func manualClockWakesSleepersWhoseDeadlinePassed() async throws {
        let clock = ManualClock(now: 100)
        let sleeper = Task {
            try await clock.sleep(until: 130)
            return clock.now()
        }
        await Task.yield()
        clock.advance(by: 10)
        clock.advance(by: 25)
        // Whenever the sleeper registered, it can only have returned once the deadline was reached.
        #expect(try await sleeper.value >= 130)
    }

    @Test func sleepingUntilThePastReturnsAtOnce() async throws {
        let clock = ManualClock(now: 100)
        try await clock.sleep(until: 50)
        #expect(clock.now() == 100)
    }

    @Test func cancelledSleeperThrowsCancellation() async throws {
        let clock = ManualClock(now: 0)
        let sleeper = Task { try await clock.sleep(until: 1_000) }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test func systemClockIsNearWallTime() async throws {
        let clock = SystemClock()
        let before = clock.now()
        try await clock.sleep(until: before - 1)
        #expect(before > 1_700_000_000)
    }
}
