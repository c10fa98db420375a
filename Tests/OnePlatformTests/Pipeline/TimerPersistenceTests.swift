import OnePJSON
import OnePlatform
import Testing
import TestSupport

@Suite("Datarule timers", .timeLimit(.minutes(1)))
struct TimerPersistenceTests {
    @Test func timersSurviveARestartAndCatchUp() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let firstClock = ManualClock(now: TestPlatform.start)
        let rule: String
        let counter: String
        let auth: JSON
        do {
            let first = TestPlatform(platform: try Platform.open(directory: directory.path, clock: firstClock), clock: firstClock)
            rule = try await first.datarule(["timeout": ["timeout": 60, "repeat": true]])
            counter = try await first.datarule(["count": ["comparison": "gt", "constant": 0, "count": 2, "timeout": 100, "repeat": true]])
            try await first.write(counter, 1)
            auth = first.auth
        }
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

@Suite("Datarule timers in copies", .timeLimit(.minutes(1)))
struct ClonedTimerTests {
    @Test func aClonedRuleStartsItsOwnTimerAndKeepsItsSubscription() async throws {
        let platform = try TestPlatform.inMemory()
        let template = try await platform.client()
        let source = try await platform.dataport("integer", alias: "source", auth: template.auth)
        try await platform.ok(
            "create", ["datarule", ["format": "integer", "subscribe": .string(source), "rule": ["timeout": ["timeout": 60, "repeat": true]]]],
            auth: template.auth)
        try await platform.advance(by: 30)
        let copy = try #require(try await platform.ok("create", ["clone", ["rid": .string(template.rid), "nohistorical": true]]).stringValue)
        let listing = try await platform.ok("listing", [.string(copy), ["dataport", "datarule"], [:]])
        let copiedSource = try #require(listing["dataport"]?[0]?.stringValue)
        let copiedRule = try #require(listing["datarule"]?[0]?.stringValue)
        try await platform.advance(by: 40)
        // The template's rule elapsed at 60; the copy's timer started when it was made, at 30.
        #expect(try await platform.timeline(copiedRule) == [])
        try await platform.write(copiedSource, 1)
        try await platform.advance(by: 60)
        #expect(try await platform.timeline(copiedRule) == [[70, 0], [130, 1]])
    }
}
