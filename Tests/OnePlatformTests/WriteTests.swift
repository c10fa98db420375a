import OnePJSON
import OnePlatform
import Testing

@Suite("write, writegroup, record, recordbatch, flush")
struct WriteTests {
    @Test func writeStampsTheCurrentSecond() async throws {
        let platform = try TestPlatform.inMemory(now: 5000.75)
        try await platform.dataport("integer", alias: "p")
        try await platform.ok("write", [["alias": "p"], 1])
        try await platform.ok("write", [["alias": "p"], 2, [:]])
        platform.clock.advance(by: 1)
        try await platform.ok("write", [["alias": "p"], 3])
        #expect(try await platform.points(["alias": "p"]) == [[5000, 2], [5001, 3]])
    }

    @Test(arguments: [
        ("integer", 42 as JSON, 42 as JSON), ("integer", "42", 42), ("integer", 7.0, 7), ("integer", "-3", -3),
        ("float", 1, 1.0), ("float", "-0.12", -0.12), ("float", 2.5, 2.5), ("float", "1e3", 1000.0),
        ("string", "text", "text"), ("string", 12, "12"), ("string", 1.5, "1.5"),
    ])
    func valuesAreCoercedToTheFormat(format: String, written: JSON, read: JSON) async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport(format, alias: "p")
        try await platform.ok("write", [["alias": "p"], written])
        #expect(try await platform.points(["alias": "p"]) == [[.int(Int(TestPlatform.start)), read]])
    }

    @Test(arguments: [
        ("integer", "abc" as JSON), ("integer", 1.5 as JSON), ("integer", true as JSON), ("float", "abc" as JSON), ("float", nil as JSON),
        ("float", [1] as JSON), ("string", ["a": 1] as JSON), ("string", false as JSON),
    ])
    func valuesThatCannotBeCoercedAreInvalid(format: String, written: JSON) async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport(format, alias: "p")
        #expect(try await platform.status("write", [["alias": "p"], written]) == "invalid")
        #expect(try await platform.points(["alias": "p"]) == [])
    }

    @Test func writingToAClientIsInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        #expect(try await platform.status("write", [.string(child.rid), 1]) == "invalid")
        #expect(try await platform.status("write", [.string(String(repeating: "e", count: 40)), 1]) == "restricted")
        let missing = try await platform.call("write", [["alias": ""]])
        #expect(missing["error"]?["context"] == "arguments", "\(missing)")
    }

    @Test func preprocessAppliesInOrder() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "p", extra: ["preprocess": [["add", 4.4], ["mul", 2]]])
        try await platform.ok("write", [["alias": "p"], 10])
        let value = try #require(try await platform.points(["alias": "p"]).first?[1]?.doubleValue)
        #expect(abs(value - 28.8) < 1e-9)
    }

    @Test func preprocessOperandMayBeAResource() async throws {
        let platform = try TestPlatform.inMemory()
        let offset = try await platform.dataport("integer", alias: "offset")
        try await platform.ok("write", [["alias": "offset"], 100])
        try await platform.dataport("integer", alias: "p", extra: ["preprocess": [["sub", .string(offset)], ["gt", 0]]])
        try await platform.dataport("integer", alias: "q", extra: ["preprocess": [["add", ["alias": "offset"]]]])
        try await platform.ok("write", [["alias": "p"], 150])
        try await platform.ok("write", [["alias": "q"], 1])
        #expect(try await platform.points(["alias": "p"]) == [[.int(Int(TestPlatform.start)), 1]])
        #expect(try await platform.points(["alias": "q"]) == [[.int(Int(TestPlatform.start)), 101]])
    }

    @Test func preprocessThatCannotApplyIsInvalid() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "d", extra: ["preprocess": [["div", 0]]])
        let empty = try await platform.dataport("float")
        try await platform.dataport("float", alias: "e", extra: ["preprocess": [["add", .string(empty)]]])
        #expect(try await platform.status("write", [["alias": "d"], 1]) == "invalid")
        #expect(try await platform.status("write", [["alias": "e"], 1]) == "invalid")
    }

    @Test func writegroupWritesAllAtOneTimestampOrNothing() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "a")
        try await platform.dataport("string", alias: "b")
        try await platform.ok("writegroup", [[[["alias": "a"], 1], [["alias": "b"], "x"]]])
        let now = JSON.int(Int(TestPlatform.start))
        #expect(try await platform.points(["alias": "a"]) == [[now, 1]])
        #expect(try await platform.points(["alias": "b"]) == [[now, "x"]])
        platform.clock.advance(by: 1)
        #expect(try await platform.status("writegroup", [[[["alias": "a"], 2], [["alias": "b"], [1]]]]) == "invalid")
        #expect(try await platform.points(["alias": "a"]) == [[now, 1]])
        #expect(try await platform.status("writegroup", [[[["alias": "a"], 2], [["alias": "zzz"], 1]]]) == "invalid")
        #expect(try await platform.call("writegroup", [[[["alias": "a"]]]])["error"]?["context"] == "arguments")
    }

    @Test func recordTakesNegativeTimestampsAsOffsetsFromNow() async throws {
        let platform = try TestPlatform.inMemory(now: 10_000)
        try await platform.dataport("integer", alias: "p")
        try await platform.ok("record", [["alias": "p"], [[-60, 1], [9000, 2]], [:]])
        try await platform.ok("record", [["alias": "p"], [[-10, 3]]])
        #expect(try await platform.points(["alias": "p"]) == [[9000, 2], [9940, 1], [9990, 3]])
    }

    @Test func recordIsAllOrNothing() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "p")
        #expect(try await platform.status("record", [["alias": "p"], [[1, 1], [2, "x"]], [:]]) == "invalid")
        #expect(try await platform.points(["alias": "p"]) == [])
    }

    @Test func recordbatchStoresGoodPointsAndListsBadOnes() async throws {
        let platform = try TestPlatform.inMemory(now: 1_500_000_000)
        try await platform.dataport("integer", alias: "p")
        let answer = try await platform.call("recordbatch", [["alias": "p"], [[1_421_906_172, "thirty"], [1_421_906_160, 20], ["soon", 5]]])
        #expect(answer == ["id": 1, "status": [[1_421_906_172, "invalid"], ["soon", "invalid"]]])
        #expect(try await platform.points(["alias": "p"]) == [[1_421_906_160, 20]])
        #expect(try await platform.status("recordbatch", [["alias": "p"], [[1_421_906_161, 21]]]) == "ok")
    }

    @Test func oneStoredPointPerSecond() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("string", alias: "p")
        try await platform.ok("record", [["alias": "p"], [[100, "first"], [100, "second"]], [:]])
        try await platform.ok("recordbatch", [["alias": "p"], [[200, "a"], [200.9, "b"]]])
        #expect(try await platform.points(["alias": "p"]) == [[100, "second"], [200, "b"]])
    }

    /// Long batches go to SQLite many points per insert: every point lands, a later entry of a
    /// second replaces an earlier one wherever the two fall, and a bad entry stops nothing.
    @Test func longRecordbatchStoresEveryPointAndTheLastOfASecond() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "p")
        var entries = (0..<200).map { index -> JSON in [.int(1_000 + index), .int(index)] }
        entries[64] = [1_063, 6_400]
        entries[150] = [1_010, 15_000]
        entries[199] = ["late", 1]
        let answer = try await platform.call("recordbatch", [["alias": "p"], .array(entries)])
        #expect(answer["status"] == [["late", "invalid"]])
        var expected = (0..<199).map { index -> JSON in [.int(1_000 + index), .int(index)] }
        expected[63] = [1_063, 6_400]
        expected[10] = [1_010, 15_000]
        expected.removeAll { $0 == [1_064, 64] || $0 == [1_150, 150] }
        #expect(try await platform.points(["alias": "p"]) == expected)
        try await platform.ok("record", [["alias": "p"], .array((0..<130).map { [.int(2_000 + $0), .int($0)] }), [:]])
        #expect(try await platform.points(["alias": "p"], limit: 1_000).count == expected.count + 130)
    }

    @Test func flushEverythingOrStrictlyBetweenBounds() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "p")
        let entries = (1...6).map { index -> JSON in [.int(index * 10), .int(index)] }
        try await platform.ok("record", [["alias": "p"], .array(entries), [:]])
        try await platform.ok("flush", [["alias": "p"], ["newerthan": 20, "olderthan": 50]])
        #expect(try await platform.points(["alias": "p"]) == [[10, 1], [20, 2], [50, 5], [60, 6]])
        try await platform.ok("flush", [["alias": "p"], ["newerthan": 50]])
        #expect(try await platform.points(["alias": "p"]) == [[10, 1], [20, 2], [50, 5]])
        try await platform.ok("flush", [["alias": "p"], ["olderthan": 20]])
        #expect(try await platform.points(["alias": "p"]) == [[20, 2], [50, 5]])
        try await platform.ok("flush", [["alias": "p"]])
        #expect(try await platform.points(["alias": "p"]) == [])
    }

    @Test func flushRejectsBadBoundsAndStrangers() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "p")
        try await platform.ok("write", [["alias": "p"], 1])
        #expect(try await platform.status("flush", [["alias": "p"], ["newerthan": "yesterday"]]) == "invalid")
        #expect(try await platform.points(["alias": "p"]).count == 1)
        let child = try await platform.client()
        let port = try await platform.dataport("integer")
        #expect(try await platform.status("flush", [.string(port)], auth: child.auth) == "restricted")
        #expect(try await platform.status("flush", [["alias": ""]]) == "invalid")
    }
}
