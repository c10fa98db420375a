import OnePJSON
import OnePlatform
import Testing

@Suite("Retention")
struct RetentionTests {
    @Test func countKeepsTheNewestPoints() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", extra: ["retention": ["count": 3]])
        try await platform.ok("record", [.string(port), .array((1...5).map { [.int($0 * 10), .int($0)] }), [:]])
        #expect(try await platform.values(port) == [3, 4, 5])
        try await platform.write(port, 6)
        #expect(try await platform.values(port) == [4, 5, 6])
        let storage = try await platform.ok("info", [.string(port), ["storage": true]])["storage"]
        #expect(storage?["count"] == 3)
    }

    @Test func durationHidesPointsOlderThanTheWindowAsTheClockMoves() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", extra: ["retention": ["duration": 1]])
        try await platform.write(port, 1)
        platform.clock.advance(by: 1800)
        try await platform.write(port, 2)
        platform.clock.advance(by: 1800)
        // The first point is exactly one hour old: still kept.
        #expect(try await platform.values(port) == [1, 2])
        platform.clock.advance(by: 1)
        // Nothing was written since, yet the expired point is no longer readable.
        #expect(try await platform.values(port) == [2])
        let storage = try await platform.ok("info", [.string(port), ["storage": true]])["storage"]
        #expect(storage?["count"] == 1)
        platform.clock.advance(by: 3600)
        #expect(try await platform.values(port) == [])
    }

    @Test func aWindowTooLongToCountKeepsEverything() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", extra: ["retention": ["duration": .int(Int.max)]])
        try await platform.ok("record", [.string(port), [[1, 1]], [:]])
        #expect(try await platform.values(port) == [1])
    }

    @Test func recordingPointsOlderThanTheWindowKeepsNone() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer", extra: ["retention": ["duration": 2, "count": "infinity"]])
        try await platform.ok("record", [.string(port), [[-7201, 1], [-7200, 2], [-10, 3]], [:]])
        #expect(try await platform.values(port) == [2, 3])
    }

    @Test func updatingRetentionAppliesAtTheNextWrite() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("integer")
        try await platform.ok("record", [.string(port), [[1, 1], [2, 2], [3, 3]], [:]])
        try await platform.ok("update", [.string(port), ["retention": ["count": 1]]])
        try await platform.write(port, 4)
        #expect(try await platform.values(port) == [4])
    }

    @Test(arguments: [["count": -1] as JSON, ["duration": "forever"], ["duration": 1.5], "all", ["count": .null]])
    func unacceptableRetentionIsInvalid(retention: JSON) async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("create", ["dataport", ["format": "float", "retention": retention]]) == "invalid")
        let port = try await platform.dataport("float")
        #expect(try await platform.status("update", [.string(port), ["retention": retention]]) == "invalid")
        let description = try await platform.ok("info", [.string(port), ["description": true]])["description"]
        #expect(description?["retention"] == ["count": "infinity", "duration": "infinity"])
    }
}
