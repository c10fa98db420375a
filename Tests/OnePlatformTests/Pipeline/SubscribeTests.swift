import OnePJSON
import OnePlatform
import Testing

@Suite("Subscribe")
struct SubscribeTests {
    @Test func aSubscriberReceivesEveryNewPointThroughItsPreprocess() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("float")
        let copy = try await platform.dataport("float", extra: ["subscribe": .string(source), "preprocess": [["mul", 10]]])
        try await platform.write(source, 1.5)
        platform.clock.advance(by: 1)
        try await platform.ok("record", [.string(source), [[-100, 2], [-50, 3]], [:]])
        let points = try await platform.points(.string(copy))
        let start = Int(TestPlatform.start)
        #expect(points == [[.int(start - 99), 20.0], [.int(start - 49), 30.0], [.int(start), 15.0]])
    }

    @Test func chainsPropagateAndAnIntegerSubscriberDropsFractions() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.dataport("float")
        let second = try await platform.dataport("integer", extra: ["subscribe": .string(first)])
        let third = try await platform.dataport("string", extra: ["subscribe": .string(second), "preprocess": [["add", 1]]])
        try await platform.write(first, 41.7)
        #expect(try await platform.values(second) == [41])
        #expect(try await platform.values(third) == ["42"])
    }

    @Test func aCycleEndsAfterEachResourceTookTheValueOnce() async throws {
        let platform = try TestPlatform.inMemory()
        let a = try await platform.dataport("integer")
        let b = try await platform.dataport("integer", extra: ["subscribe": .string(a), "preprocess": [["add", 1]]])
        let c = try await platform.dataport("integer", extra: ["subscribe": .string(b), "preprocess": [["add", 1]]])
        try await platform.ok("update", [.string(a), ["subscribe": .string(c), "preprocess": [["add", 100]]]])
        try await platform.write(a, 1)
        // a stores 101, b 102, c 103; c's publication does not come back to a.
        #expect(try await platform.values(a) == [101])
        #expect(try await platform.values(b) == [102])
        #expect(try await platform.values(c) == [103])
        // A resource subscribed to itself takes its own point once, too.
        let d = try await platform.dataport("integer")
        try await platform.ok("update", [.string(d), ["subscribe": .string(d)]])
        try await platform.write(d, 5)
        #expect(try await platform.values(d) == [5])
    }

    @Test func everySubscriberOfASourceReceives() async throws {
        let platform = try TestPlatform.inMemory()
        let top = try await platform.dataport("integer")
        let left = try await platform.dataport("integer", extra: ["subscribe": .string(top), "preprocess": [["add", 1]]])
        let right = try await platform.dataport("integer", extra: ["subscribe": .string(top), "preprocess": [["add", 2]]])
        let below = try await platform.dataport("integer", extra: ["subscribe": .string(left)])
        try await platform.write(top, 0)
        #expect(try await platform.values(left) == [1])
        #expect(try await platform.values(right) == [2])
        #expect(try await platform.values(below) == [1])
        let info = try await platform.ok("info", [.string(top), ["subscribers": true]])
        #expect(info["subscribers"] == [["dataport", .string(left)], ["dataport", .string(right)]])
    }

    @Test func aValueTheSubscriberCannotTakeDoesNotFailTheWrite() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("string")
        let numbers = try await platform.dataport("float", extra: ["subscribe": .string(source)])
        try await platform.write(source, "not a number")
        try await platform.write(source, "2.5")
        #expect(try await platform.values(source) == ["2.5"])
        #expect(try await platform.values(numbers) == [2.5])
    }

    @Test func unsubscribingStopsTheFlow() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("integer", alias: "source")
        let copy = try await platform.dataport("integer", extra: ["subscribe": ["alias": "source"]])
        #expect(try await platform.ok("info", [.string(copy), ["description": true]])["description"]?["subscribe"] == .string(source))
        try await platform.write(source, 1)
        try await platform.ok("update", [.string(copy), ["subscribe": .null]])
        platform.clock.advance(by: 1)
        try await platform.write(source, 2)
        #expect(try await platform.values(copy) == [1])
    }

    @Test func badTargetsAreRefusedAndChangeNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let client = try await platform.client()
        let theirs = try await platform.dataport("integer", auth: client.auth)
        let mine = try await platform.dataport("integer")
        let cases: [(JSON, String)] = [
            (.string(String(repeating: "b", count: 40)), "restricted"),
            (["alias": "unmapped"], "invalid"),
            (.string(client.rid), "invalid"),
            (.string(platform.platform.bootstrap.rootRID), "invalid"),
        ]
        for (target, status) in cases {
            #expect(try await platform.status("create", ["dataport", ["format": "integer", "subscribe": target]]) == .some(status))
            #expect(try await platform.status("update", [.string(mine), ["subscribe": target]]) == .some(status))
        }
        #expect(
            try await platform.status("create", ["dataport", ["format": "integer", "subscribe": .string(mine)]], auth: client.auth) == "restricted")
        #expect(try await platform.call("create", ["dataport", ["format": "integer", "subscribe": 5]])["status"] == "fail")
        #expect(try await platform.ok("info", [.string(mine), ["description": true]])["description"]?["subscribe"] == .null)
        #expect(try await platform.ok("listing", [["dataport"]]) == [[.string(mine)]])
        _ = theirs
    }
}
