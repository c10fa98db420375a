import OnePJSON
import OnePlatform
import Testing

/// Datarules fed through a subscribed dataport; times are seconds after the platform's start.
@Suite("Datarules", .timeLimit(.minutes(1)))
struct DataruleTests {
    private func comparing(_ kind: String, _ parameters: JSONObject) -> JSON {
        [kind: .object(parameters)]
    }

    @Test func simpleStoresOnlyChangesUnlessItRepeats() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("float")
        let changes = try await platform.datarule(["simple": ["comparison": "gt", "constant": 20, "repeat": false]], subscribe: source)
        let every = try await platform.datarule(
            ["simple": ["comparison": "gt", "constant": 20, "repeat": true]], format: "float", subscribe: source)
        for value in [10.0, 15, 25, 30, 5] {
            try await platform.write(source, .double(value))
            platform.clock.advance(by: 1)
        }
        #expect(try await platform.timeline(changes) == [[0, 0], [2, 1], [4, 0]])
        #expect(try await platform.values(every) == [0.0, 0.0, 1.0, 1.0, 0.0])
    }

    @Test(arguments: [
        ("gt", [0, 0, 1]), ("geq", [0, 1, 1]), ("lt", [1, 0, 0]), ("leq", [1, 1, 0]), ("eq", [0, 1, 0]), ("neq", [1, 0, 1]),
    ])
    func everyComparison(comparison: String, expected: [Int]) async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["simple": ["comparison": .string(comparison), "constant": 5, "repeat": true]])
        for value in [4, 5, 6] {
            try await platform.write(rule, .int(value))
            platform.clock.advance(by: 1)
        }
        #expect(try await platform.values(rule) == expected.map(JSON.int))
    }

    @Test func aRuleWrittenDirectlyRefusesTextItCannotCompare() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(
            ["simple": ["comparison": "gt", "constant": 1, "repeat": true]], format: "string", extra: ["preprocess": [["mul", 2]]])
        #expect(try await platform.status("write", [.string(rule), "warm"]) == "invalid")
        try await platform.write(rule, "0.75")
        #expect(try await platform.values(rule) == ["1"])
    }

    @Test func timeoutOutputsTrueWhenNoInputArrivesInTime() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer")
        let rule = try await platform.datarule(["timeout": ["timeout": 60, "repeat": false]], subscribe: source)
        try await platform.advance(by: 30)
        try await platform.write(source, 7)
        try await platform.advance(by: 59)
        #expect(try await platform.timeline(rule) == [[30, 0]])
        try await platform.advance(by: 1)
        #expect(try await platform.timeline(rule) == [[30, 0], [90, 1]])
        // The timer restarted when it elapsed; elapsing again repeats true, which is not stored.
        try await platform.advance(by: 60)
        try await platform.write(source, 8)
        #expect(try await platform.timeline(rule) == [[30, 0], [90, 1], [150, 0]])
    }

    @Test func timeoutThatRepeatsStoresEveryElapse() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 60, "repeat": true]])
        try await platform.advance(by: 60)
        try await platform.advance(by: 60)
        // A clock that jumps fires every elapse it passed, each at its own time.
        try await platform.advance(by: 125)
        #expect(try await platform.timeline(rule) == [[60, 1], [120, 1], [180, 1], [240, 1]])
    }

    @Test func anInputFiresWhatTheTimerOwedBeforeItIsTaken() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 60, "repeat": false]])
        platform.clock.advance(by: 61)
        try await platform.write(rule, 1)
        #expect(try await platform.timeline(rule) == [[60, 1], [61, 0]])
    }

    @Test func timeoutOfZeroNeverElapses() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 0, "repeat": true]])
        try await platform.advance(by: 1000)
        try await platform.write(rule, "anything")
        #expect(try await platform.timeline(rule) == [[1000, 0]])
    }

    @Test func intervalRepeatsTrueWhileTheComparisonHolds() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer")
        let rule = try await platform.datarule(
            ["interval": ["comparison": "gt", "constant": 50, "timeout": 10, "repeat": true]], subscribe: source)
        try await platform.write(source, 60)
        try await platform.advance(by: 10)
        try await platform.advance(by: 5)
        try await platform.write(source, 70)
        try await platform.advance(by: 5)
        try await platform.advance(by: 5)
        try await platform.write(source, 40)
        try await platform.advance(by: 20)
        #expect(try await platform.timeline(rule) == [[0, 1], [10, 1], [15, 1], [20, 1], [25, 0]])
    }

    /// A timer that missed far more elapses than it may replay (the platform was stopped, say)
    /// resumes from its last elapse instead of writing each missed one.
    @Test func aLongMissedTimerResumesFromItsLastElapse() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer")
        let rule = try await platform.datarule(
            ["interval": ["comparison": "gt", "constant": 50, "timeout": 10, "repeat": true]], subscribe: source)
        try await platform.write(source, 60)
        try await platform.advance(by: 10_000)
        #expect(try await platform.timeline(rule) == [[0, 1], [10_000, 1]])
    }

    @Test func durationTurnsTrueOnlyAfterTheComparisonHeldForTheTimeout() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer")
        let rule = try await platform.datarule(
            ["duration": ["comparison": "lt", "constant": 0, "timeout": 30, "repeat": false]], subscribe: source)
        try await platform.write(source, -5)
        try await platform.advance(by: 10)
        try await platform.write(source, -3)
        #expect(try await platform.timeline(rule) == [])
        try await platform.advance(by: 20)
        try await platform.advance(by: 5)
        try await platform.write(source, -1)
        try await platform.advance(by: 5)
        try await platform.write(source, 2)
        try await platform.advance(by: 5)
        try await platform.write(source, -2)
        try await platform.advance(by: 10)
        try await platform.write(source, 1)
        try await platform.advance(by: 30)
        #expect(try await platform.timeline(rule) == [[30, 1], [40, 0]])
    }

    @Test func countTurnsTrueAfterEnoughMatchesWithinTheTimeout() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer")
        let rule = try await platform.datarule(
            ["count": ["comparison": "geq", "constant": 100, "count": 3, "timeout": 60, "repeat": true]], subscribe: source)
        try await platform.write(source, 100)
        try await platform.advance(by: 10)
        try await platform.write(source, 50)
        try await platform.advance(by: 10)
        try await platform.write(source, 150)
        try await platform.advance(by: 10)
        try await platform.write(source, 200)
        #expect(try await platform.timeline(rule) == [[30, 1]])
        try await platform.advance(by: 60)
        try await platform.advance(by: 10)
        try await platform.write(source, 100)
        try await platform.advance(by: 60)
        #expect(try await platform.timeline(rule) == [[30, 1], [90, 0], [160, 0]])
    }

    @Test func rulesChainIntoRules() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("float")
        let hot = try await platform.datarule(["simple": ["comparison": "gt", "constant": 30, "repeat": false]], subscribe: source)
        let stillHot = try await platform.datarule(
            ["duration": ["comparison": "eq", "constant": 1, "timeout": 120, "repeat": false]], subscribe: hot)
        try await platform.write(source, 35.5)
        try await platform.advance(by: 60)
        try await platform.write(source, 36)
        try await platform.advance(by: 60)
        #expect(try await platform.timeline(hot) == [[0, 1]])
        #expect(try await platform.timeline(stillHot) == [[120, 1]])
    }

    @Test func changingTheRuleStartsItAfresh() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 60, "repeat": true]])
        try await platform.advance(by: 50)
        try await platform.ok("update", [.string(rule), ["rule": ["timeout": ["timeout": 30, "repeat": true]]]])
        try await platform.advance(by: 20)
        #expect(try await platform.timeline(rule) == [])
        try await platform.advance(by: 10)
        #expect(try await platform.timeline(rule) == [[80, 1]])
        try await platform.ok("update", [.string(rule), ["rule": ["simple": ["comparison": "gt", "constant": 0]]]])
        try await platform.advance(by: 100)
        #expect(try await platform.timeline(rule) == [[80, 1]])
    }

    @Test func aDroppedRuleStopsFiring() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["timeout": ["timeout": 60, "repeat": true]])
        try await platform.ok("drop", [.string(rule)])
        try await platform.advance(by: 600)
        #expect(try await platform.status("read", [.string(rule), [:]]) == "restricted")
    }
}

@Suite("Datarule cycles", .timeLimit(.minutes(1)))
struct DataruleCycleTests {
    @Test func timedRulesSubscribedToEachOtherSettle() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.datarule(["timeout": ["timeout": 10, "repeat": true]])
        let second = try await platform.datarule(["timeout": ["timeout": 15, "repeat": true]], subscribe: first)
        try await platform.ok("update", [.string(first), ["subscribe": .string(second)]])
        // The first one's output restarts the second one's timer each time, so only the first
        // ever elapses; the second's outputs do not come back to the first in the same wave.
        try await platform.advance(by: 10)
        try await platform.advance(by: 15)
        try await platform.advance(by: 10)
        let firstTimeline = try await platform.timeline(first)
        let secondTimeline = try await platform.timeline(second)
        #expect(firstTimeline == [[10, 1], [20, 1], [30, 1]])
        #expect(secondTimeline == [[10, 0], [20, 0], [30, 0]])
    }
}
