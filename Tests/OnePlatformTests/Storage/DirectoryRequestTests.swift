import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// Requests against a platform on a data directory, where small reading requests run on the
/// platform's own read-only connections and points are stored through statements bound straight
/// through SQLite: what goes in comes back exactly, and every request sees what the one before
/// it committed.
@Suite("Requests on a data directory", .timeLimit(.minutes(1)))
struct DirectoryRequestTests {
    private func open(_ directory: TemporaryDirectory, _ clock: ManualClock) throws -> TestPlatform {
        TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never), clock: clock)
    }

    @Test func everyKindOfValueComesBackAsWritten() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let values: [(String, [JSON])] = [
            ("integer", [0, -7, .int(Int.max), .int(Int.min)]),
            ("float", [0.5, -1.25, 1e300]),
            ("string", ["", "plain", "ünïcode ✓", "with \"quotes\" and \\ slashes"]),
        ]
        var elapsed = 0
        for (format, written) in values {
            let rid = try await platform.dataport(format)
            for value in written {
                platform.clock.advance(by: 1)
                elapsed += 1
                try await platform.ok("write", [.string(rid), value])
                // The read comes right after the write's commit, in a request of its own.
                let latest = try await platform.ok("read", [.string(rid), ["limit": 1]])
                #expect(latest == [[.int(TestTime.start + elapsed), value]], "\(format) \(value.serialized())")
            }
        }
    }

    @Test func aBatchOfPointsComesBackAsRecorded() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let integers = try await platform.dataport("integer")
        let strings = try await platform.dataport("string")
        let numbers: [JSON] = (0..<2_000).map { [.int(1_000 + $0), .int($0 * 3)] }
        let texts: [JSON] = [[1, ""], [2, "two"], [3, "drei ✓"]]
        // Large enough to be handed to the database's queue rather than run on the calling thread.
        try await platform.ok("recordbatch", [.string(integers), .array(numbers)])
        try await platform.ok("recordbatch", [.string(strings), .array(texts)])
        let read = try await platform.ok("read", [.string(integers), ["starttime": 0, "endtime": 10_000, "limit": 5_000, "sort": "asc"]])
        #expect(read == .array(numbers))
        let readTexts = try await platform.ok("read", [.string(strings), ["starttime": 0, "endtime": 10, "limit": 10, "sort": "asc"]])
        #expect(readTexts == .array(texts))
    }

    @Test func manyReadersAtOnceAllSeeTheLatestPoint() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let rid = try await platform.dataport("integer")
        for round in 1...3 {
            platform.clock.advance(by: 1)
            try await platform.ok("write", [.string(rid), .int(round)])
            // More readers at once than the platform keeps connections for: the rest go through the pool.
            let answers = try await withThrowingTaskGroup(of: JSON.self) { group in
                for _ in 0..<24 { group.addTask { try await platform.ok("read", [.string(rid)]) } }
                return try await group.reduce(into: [JSON]()) { $0.append($1) }
            }
            #expect(answers.count == 24)
            #expect(answers.allSatisfy { $0 == [[.int(TestTime.start + round), .int(round)]] })
        }
    }

    @Test func aReadThroughAnotherPlatformSeesWhatThisOneCommitted() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        let first = try open(directory, clock)
        let second = try open(directory, clock)
        let rid = try await first.dataport("integer")
        for round in 1...5 {
            clock.advance(by: 1)
            try await first.ok("write", [.string(rid), .int(round)])
            let seen = try await second.ok("read", [.string(rid)], auth: ["cik": .string(first.platform.bootstrap.rootCIK)])
            #expect(seen == [[.int(TestTime.start + round), .int(round)]])
        }
    }

    @Test func aFailedCallInAReadingRequestLeavesTheNextOneWorking() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let rid = try await platform.dataport("integer")
        #expect(try await platform.status("read", ["0123456789012345678901234567890123456789"]) == "restricted")
        #expect(try await platform.status("info", [.string(rid), ["basic": true]]) == "ok")
        let bad = await platform.send("{\"auth\":{\"cik\":\"nobody\"},\"calls\":[{\"id\":1,\"procedure\":\"read\",\"arguments\":[\"\(rid)\"]}]}")
        #expect(bad.contains("401"))
        #expect(try await platform.status("read", [.string(rid)]) == "ok")
    }
}
