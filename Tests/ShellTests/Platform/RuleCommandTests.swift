import OnePJSON
import Testing

/// Datarules and dispatches made with `create`'s and `update`'s pipeline options, firing on the
/// fixture's clock.
@Suite(.timeLimit(.minutes(1))) struct RuleCommandTests {
    private func advance(_ shell: ShellFixture, by seconds: Double) async throws {
        shell.clock.advance(by: seconds)
        try await shell.platform.settle()
    }

    @Test func aSimpleRuleSubscribedToADataportFiresOnEachWrite() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport temp --format integer --preprocess sub:32,mul:0.5",
            "create datarule hot --format integer --subscribe temp --when simple --comparison gt --constant 30 --repeat",
            "create dispatch alarm --subscribe hot --method sms --recipient +15550100 --message 'check the boiler'",
            "write temp 90")
        try await advance(shell, by: 10)
        try await shell.setUp("write temp 100")
        #expect(await shell.run("read hot --limit 5 --sort asc").out == "timestamp   hot\n1700000000  0\n1700000010  1\n")
        #expect(await shell.run("read alarm --limit 5 --sort asc").out.contains("1700000010  check the boiler\n"))
    }

    @Test func aTimeoutRuleFiresWhenTheClockPassesItsTimeout() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport heartbeat --format integer",
            "create datarule silent --format integer --subscribe heartbeat --when timeout --timeout 60 --retention-count 5",
            "write heartbeat 1")
        try await advance(shell, by: 59)
        #expect(await shell.run("read silent").out == "timestamp   silent\n1700000000  0\n")
        try await advance(shell, by: 1)
        #expect(await shell.run("read silent").out == "timestamp   silent\n1700000060  1\n")
    }

    @Test func updateChangesTheRuleAndTheRetention() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport level --format integer",
            "create datarule high --format integer --subscribe level --when simple --comparison gt --constant 10 --repeat",
            "write level 20", "update high --when simple --comparison gt --constant 50 --repeat")
        try await advance(shell, by: 1)
        try await shell.setUp("write level 30")
        #expect(await shell.run("read high --limit 5 --sort asc").out == "timestamp   high\n1700000000  1\n1700000001  0\n")
        try await shell.setUp("update high --retention-count 1")
        #expect(await shell.run("read high --limit 5").out == "timestamp   high\n1700000001  0\n")
        let description = try JSON(parsing: await shell.run("info high --include description").out)["description"]
        #expect(description?["rule"] == ["simple": ["comparison": "gt", "constant": 50, "repeat": true]])
        #expect(description?["retention"] == ["count": 1, "duration": "infinity"])
    }

    @Test func infoShowsAScriptRulesStatus() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create datarule lua --when script --script \"debug('hi')\"")
        try await shell.platform.settle()
        let info = try JSON(parsing: await shell.run("info lua --include basic,description").out)
        #expect(info["basic"]?["status"] == "completed")
        #expect(info["description"]?["rule"] == ["script": "debug('hi')"])
        #expect(info["description"]?["format"] == "string")
    }

    @Test(arguments: [
        ("create datarule r --when simple --comparison gt", "create: missing --constant for a simple rule"),
        ("create datarule r --when timeout --timeout 5 --constant 3", "create: --constant does not apply to a timeout rule"),
        ("create datarule r --comparison gt --constant 3", "create: --comparison describes a rule: add --when KIND"),
        (
            "create datarule r --when simple --comparison gt --constant 3 --rule '{}'",
            "create: --when cannot go with --rule, which gives the whole rule as JSON"
        ),
        ("create datarule r --when simple --comparison gt --constant warm", "create: --constant 'warm' is not valid, expected a number"),
        ("create datarule r --format integer", "create: missing --when KIND (or --rule JSON) for a datarule"),
        ("create dataport p --when simple", "create: --when applies only to a datarule, not to a dataport"),
        ("create dataport p --method sms", "create: --method applies only to a dispatch, not to a dataport"),
        ("create client c --subscribe p", "create: --subscribe applies only to a dataport, datarule or dispatch, not to a client"),
        ("create dataport p --preprocess times:2", "create: --preprocess 'times:2' is not valid"),
        ("update p --timeout 5", "update: --timeout describes a rule: add --when KIND"),
        ("update p", "update: missing a field to change"),
    ])
    func badCombinationsAreOneClearLine(line: String, message: String) async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport p --format integer")
        let result = await shell.run(line)
        #expect(result.status == 2)
        #expect(result.err.hasPrefix("error: " + message), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(await shell.run("info r").status != 0)
    }
}
