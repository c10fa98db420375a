import OnePJSON
import OnePlatform
import Testing

/// Retention changed by `update`, and retention as `wait` sees it.
@Suite struct RetentionUpdateTests {
    @Test func loweringTheCountDropsTheOldestPointsAtOnce() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", alias: "port")
        for value in 1...5 {
            try await platform.write(port, .int(value))
            platform.clock.advance(by: 1)
        }
        try await platform.ok("update", [.string(port), ["retention": ["count": 2]]])
        #expect(try await platform.values(port) == [4, 5])
        // Raising it again brings nothing back.
        try await platform.ok("update", [.string(port), ["retention": ["count": 10]]])
        #expect(try await platform.values(port) == [4, 5])
    }

    @Test func shorteningTheDurationDropsWhatIsNowTooOld() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.write(port, 1)
        platform.clock.advance(by: 7200)
        try await platform.write(port, 2)
        try await platform.ok("update", [.string(port), ["retention": ["duration": 1]]])
        #expect(try await platform.values(port) == [2])
        let info = try await platform.ok("info", [.string(port), ["storage": true]])
        #expect(info["storage"]?["count"] == 1)
    }

    @Test func aWaitSinceIgnoresPointsPastTheRetentionWindow() async throws {
        let platform = try TestPlatform.inMemory()
        let start = platform.now
        try await platform.dataport("integer", alias: "port", extra: ["retention": ["duration": 1]])
        try await platform.ok("write", [["alias": "port"], 1])
        platform.clock.advance(by: 3601)
        // The point is still on disk (nothing was written since), but no longer readable.
        let waiting = await platform.startWaiting([("wait", [["alias": "port"], ["since": .int(start - 1), "timeout": 60_000]])])
        try await platform.ok("write", [["alias": "port"], 2])
        let answer = try await TestPlatform.single(waiting)
        #expect(answer["result"] == [.int(start + 3601), 2])
    }

    @Test func aWaitSinceStillAnswersAPointInsideTheWindowAtOnce() async throws {
        let platform = try TestPlatform.inMemory()
        let start = platform.now
        try await platform.dataport("integer", alias: "port", extra: ["retention": ["duration": 1]])
        try await platform.ok("write", [["alias": "port"], 1])
        platform.clock.advance(by: 3599)
        #expect(try await platform.ok("wait", [["alias": "port"], ["since": .int(start - 1)]]) == [.int(start), 1])
    }
}
