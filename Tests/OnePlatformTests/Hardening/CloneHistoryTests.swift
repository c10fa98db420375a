import OnePJSON
import OnePlatform
import Testing

/// Found by fuzzing: a copy whose script starts by logging (a syntax error) in the same second as
/// a point the original holds collided with that point when the history was copied, and
/// `create clone` and provisioning's enable failed with an internal error.
@Suite("Copies of clients with scripts")
struct CloneHistoryTests {
    private func template(_ platform: TestPlatform) async throws -> (rid: String, rule: String) {
        let client = try await platform.client()
        let description: JSONObject = ["format": "string", "name": "broken", "rule": ["script": "this is not lua"]]
        let rule = try #require(try await platform.ok("create", ["datarule", .object(description)], auth: client.auth).stringValue)
        try await platform.platform.settle()
        return (client.rid, rule)
    }

    @Test func aCloneInTheSecondTheScriptFailedKeepsTheHistory() async throws {
        let platform = try TestPlatform.inMemory()
        let template = try await template(platform)
        let history = try await platform.points(.string(template.rule))
        try #require(history.count == 1, "the broken script logs its error once: \(history)")
        let copy = try await platform.ok("create", [.string(platform.platform.bootstrap.rootRID), "clone", ["rid": .string(template.rid)]])
        let copied = try #require(copy.stringValue)
        let listing = try await platform.ok("listing", [.string(copied), ["datarule"], [:]])
        let rule = try #require(listing["datarule"]?[0]?.stringValue)
        // The copied history, and in the same second's point the copy's own start, which logs the
        // same error again.
        let points = try await platform.points(.string(rule))
        let line = try #require(history[0][1]?.stringValue)
        #expect(points == [[history[0][0] ?? nil, .string(line + "\n" + line)]])
    }

    @Test func enablingASerialNumberInThatSecondWorksToo() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await template(fixture.rpc)
        let created = await fixture.send("POST", "/provision/manage/model/", form: "model=m1&rid=\(template.rid)")
        try #require(created.status == 205, "\(created.status) \(created.text)")
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=s1").status == 205)
        let enabled = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)")
        #expect(enabled.status == 200, "\(enabled.status) \(enabled.text)")
    }
}
