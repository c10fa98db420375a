import OnePJSON
import OnePlatform
import Testing

@Suite("Scripts run", .timeLimit(.minutes(1)))
struct ScriptExecutionTests {
    @Test func aScriptRunsWhenCreatedAndCompletes() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "out")
        let script = try await platform.script("alias['out'].value = 21.5\ndebug('done')")
        #expect(try await platform.latest(["alias": "out"]) == 21.5)
        #expect(try await platform.scriptStatus(script) == "completed")
        #expect(try await platform.log(script) == ["line 2: done"])
    }

    @Test func aWaitingScriptAnswersEachWrite() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("float", alias: "in")
        try await platform.dataport("float", alias: "out")
        let script = try await platform.script(
            """
            local input = alias['in']
            local output = alias['out']
            while true do
              input.wait()
              output.value = input.value * 2
            end
            """)
        #expect(try await platform.scriptStatus(script) == "running")
        try await platform.feed(["alias": "in"], 4)
        #expect(try await platform.latest(["alias": "out"]) == 8.0)
        platform.clock.advance(by: 1)
        try await platform.feed(["alias": "in"], 5)
        #expect(try await platform.latest(["alias": "out"]) == 10.0)
    }
}
