import OnePJSON
import OnePlatform
import Testing

@Suite("Preprocess")
struct PreprocessTests {
    /// Each operation applied to 10 with the operand 4, and the float it gives.
    static let operations: [(String, Double)] = [
        ("add", 14), ("sub", 6), ("mul", 40), ("div", 2.5), ("mod", 2), ("gt", 1), ("geq", 1), ("lt", 0), ("leq", 0),
        ("eq", 0), ("neq", 1), ("value", 4),
    ]

    @Test(arguments: operations)
    func everyOperationWithAConstant(operation: String, expected: Double) async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float", extra: ["preprocess": [[.string(operation), 4]]])
        try await platform.write(port, 10)
        #expect(try await platform.values(port) == [.double(expected)])
    }

    @Test(arguments: operations)
    func everyOperationWithAResourceOperand(operation: String, expected: Double) async throws {
        let platform = try TestPlatform.inMemory()
        let operand = try await platform.dataport("integer", alias: "operand")
        try await platform.write(operand, 4)
        let byRID = try await platform.dataport("float", extra: ["preprocess": [[.string(operation), .string(operand)]]])
        let byAlias = try await platform.dataport("float", extra: ["preprocess": [[.string(operation), ["alias": "operand"]]]])
        try await platform.write(byRID, 10)
        try await platform.write(byAlias, 10)
        #expect(try await platform.values(byRID) == [.double(expected)])
        #expect(try await platform.values(byAlias) == [.double(expected)])
    }

    @Test func stepsApplyInOrder() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float", extra: ["preprocess": [["add", 4.4], ["mul", 2]]])
        try await platform.write(port, 10)
        #expect(try await platform.values(port) == [28.8])
    }

    @Test func integersStayExactAndFractionsAreDropped() async throws {
        let platform = try TestPlatform.inMemory()
        let big = try await platform.dataport("integer", extra: ["preprocess": [["add", 1]]])
        try await platform.write(big, .int(9_007_199_254_740_993))
        #expect(try await platform.values(big) == [.int(9_007_199_254_740_994)])
        let halves = try await platform.dataport("integer", extra: ["preprocess": [["div", 2]]])
        try await platform.write(halves, 7)
        #expect(try await platform.values(halves) == [3])
        let text = try await platform.dataport("string", extra: ["preprocess": [["value", "replaced"]]])
        try await platform.write(text, "original")
        #expect(try await platform.values(text) == ["replaced"])
    }

    @Test func aStepThatCannotApplyRefusesTheValue() async throws {
        let platform = try TestPlatform.inMemory()
        let byZero = try await platform.dataport("float", extra: ["preprocess": [["div", 0]]])
        #expect(try await platform.status("write", [.string(byZero), 1]) == "invalid")
        let empty = try await platform.dataport("float")
        let fromEmpty = try await platform.dataport("float", extra: ["preprocess": [["add", .string(empty)]]])
        #expect(try await platform.status("write", [.string(fromEmpty), 1]) == "invalid")
        let unmapped = try await platform.dataport("float", extra: ["preprocess": [["add", ["alias": "nothing"]]]])
        #expect(try await platform.status("write", [.string(unmapped), 1]) == "invalid")
        let expiring = try await platform.dataport("float", extra: ["retention": ["duration": 1]])
        try await platform.write(expiring, 1)
        platform.clock.advance(by: 3601)
        let fromExpired = try await platform.dataport("float", extra: ["preprocess": [["add", .string(expiring)]]])
        #expect(try await platform.status("write", [.string(fromExpired), 1]) == "invalid")
        let words = try await platform.dataport("string", extra: ["preprocess": [["add", 1]]])
        #expect(try await platform.status("write", [.string(words), "ten"]) == "invalid")
        for port in [byZero, fromEmpty, fromExpired, unmapped, words] { #expect(try await platform.values(port) == []) }
    }

    @Test func badOperandsAreRefusedOnCreateAndUpdate() async throws {
        let platform = try TestPlatform.inMemory()
        let client = try await platform.client()
        let theirs = try await platform.dataport("float", auth: client.auth)
        let mine = try await platform.dataport("float")
        let root = platform.platform.bootstrap.rootRID
        let cases: [(JSON, String)] = [
            ([["add", "ten"]], "invalid"),
            ([["add", true]], "invalid"),
            ([["pow", 2]], "invalid"),
            ([["add", 1, 2]], "invalid"),
            ([["add", .string(String(repeating: "a", count: 40))]], "restricted"),
            ([["add", .string(root)]], "invalid"),
        ]
        for (steps, status) in cases {
            #expect(try await platform.status("create", ["dataport", ["format": "float", "preprocess": steps]]) == .some(status))
            #expect(try await platform.status("update", [.string(mine), ["preprocess": steps]]) == .some(status))
        }
        // A resource the owner cannot reach may not be an operand either.
        #expect(
            try await platform.status("create", ["dataport", ["format": "float", "preprocess": [["add", .string(mine)]]]], auth: client.auth)
                == "restricted")
        #expect(try await platform.status("update", [.string(theirs), ["preprocess": [["add", .string(mine)]]]]) == "restricted")
        #expect(try await platform.ok("info", [.string(mine), ["description": true]])["description"]?["preprocess"] == [])
    }
}
