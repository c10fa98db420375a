import OnePJSON
import OnePlatform
import Testing

@Suite("Rule descriptions")
struct RuleValidationTests {
    @Test(arguments: [
        ["simple": [:]] as JSON,
        ["simple": ["comparison": "bigger", "constant": 1]],
        ["simple": ["comparison": "gt", "constant": "1"]],
        ["simple": ["comparison": "gt", "constant": 1, "repeat": "no"]],
        ["simple": "gt"],
        ["timeout": ["timeout": -1]],
        ["timeout": ["repeat": true]],
        ["interval": ["comparison": "gt", "constant": 1, "timeout": 0]],
        ["duration": ["comparison": "gt", "constant": 1]],
        ["count": ["comparison": "gt", "constant": 1, "count": 0, "timeout": 10]],
        ["count": ["comparison": "gt", "constant": 1, "count": 2.5, "timeout": 10]],
        ["count": ["comparison": "gt", "constant": 1, "timeout": 10]],
        ["script": 5],
        ["simple": ["comparison": "gt", "constant": 1], "timeout": ["timeout": 5]],
        ["lua": "x"],
        [:],
        "simple",
    ])
    func badRulesAreInvalidAndChangeNothing(rule: JSON) async throws {
        let platform = try TestPlatform.inMemory()
        #expect(try await platform.status("create", ["datarule", ["format": "integer", "rule": rule]]) == "invalid")
        let good: JSON = ["timeout": ["timeout": 60, "repeat": true]]
        let existing = try await platform.datarule(good)
        #expect(try await platform.status("update", [.string(existing), ["rule": rule]]) == "invalid")
        #expect(try await platform.ok("listing", [["datarule"]]) == [[.string(existing)]])
        #expect(try await platform.ok("info", [.string(existing), ["description": true]])["description"]?["rule"] == good)
        // The rejected update left the timer running.
        try await platform.advance(by: 60)
        #expect(try await platform.values(existing) == [1])
    }

    @Test func aDatarulesFormatCannotChange() async throws {
        let platform = try TestPlatform.inMemory()
        let rule = try await platform.datarule(["simple": ["comparison": "gt", "constant": 1]])
        #expect(try await platform.status("update", [.string(rule), ["format": "float"]]) == "invalid")
    }
}
