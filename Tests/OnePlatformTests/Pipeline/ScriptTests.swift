import OnePJSON
import OnePlatform
import Testing

@Suite("Script datarules", .timeLimit(.minutes(1)))
struct ScriptTests {
    static let source = "while true do alias['temperature'].wait() end"

    @Test func theSourceIsKeptAndValuesWrittenToTheScriptAreKept() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "temperature")
        let script = try await platform.datarule(["script": .string(Self.source)], format: "string")
        let info = try await platform.ok("info", [.string(script), ["description": true, "basic": true]])
        #expect(info["description"]?["rule"] == ["script": .string(Self.source)])
        #expect(info["basic"]?["status"] == "running")
        #expect(info["basic"]?["type"] == "datarule")
        try await platform.write(script, "note")
        #expect(try await platform.values(script) == ["note"])
    }

    @Test func replacingTheScriptByARuleClearsTheStatus() async throws {
        let platform = try TestPlatform.inMemory()
        let script = try await platform.datarule(["script": "return 1"], format: "integer")
        try await platform.ok("update", [.string(script), ["rule": ["simple": ["comparison": "gt", "constant": 0, "repeat": true]]]])
        #expect(try await platform.ok("info", [.string(script), ["basic": true]])["basic"]?["status"] == nil)
        try await platform.write(script, 3)
        #expect(try await platform.values(script) == [1])
    }
}
