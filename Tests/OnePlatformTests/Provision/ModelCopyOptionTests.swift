import OnePJSON
import OnePlatform
import Testing

/// What a model's copy options keep out of the clients enabled from it.
@Suite struct ModelCopyOptionTests {
    /// A template whose dataport carries a private comment of the template and a public one of the root.
    private func commentedTemplate(_ fixture: ProvisionFixture) async throws -> String {
        let rpc = fixture.rpc
        let template = try await rpc.client(["name": "template"])
        let port = try await rpc.dataport("integer", alias: "temp", auth: template.auth)
        _ = try await rpc.ok("comment", [.string(port), "private", #"{"unit":"°C"}"#], auth: template.auth)
        _ = try await rpc.ok("comment", [.string(port), "public", "thermometer"])
        return template.rid
    }

    /// The comments the enabled client sees on its copy of the dataport.
    private func copiedComments(_ fixture: ProvisionFixture, model: String) async throws -> JSON? {
        let added = await fixture.send("POST", "/provision/manage/model/\(model)/", form: "sn=s1")
        try #require(added.status == 205)
        let (_, cik) = try await fixture.activated(model, "s1")
        let info = try await fixture.rpc.ok("info", [["alias": "temp"], ["comments": true]], auth: ["cik": .string(cik)])
        return info["comments"]
    }

    @Test func enabledClientsCarryTheTemplatesComments() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await commentedTemplate(fixture)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=keeps&rid=\(template)").status == 205)
        // The template's own private comment becomes the copy's; the root's public one stays the root's.
        #expect(try await copiedComments(fixture, model: "keeps") == [["private", #"{"unit":"°C"}"#], ["public", "thermometer"]])
    }

    @Test func nocommentsLeavesTheTemplatesCommentsBehind() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await commentedTemplate(fixture)
        let created = await fixture.send("POST", "/provision/manage/model/", form: "model=bare&rid=\(template)&options[]=nocomments")
        #expect(created.status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/bare").text == "rid=\(template)&options[]=nocomments")
        #expect(try await copiedComments(fixture, model: "bare") == [])
        // The template keeps its comments.
        let original = try await fixture.rpc.ok(
            "info", [["alias": "temp"], ["comments": true]], auth: ["cik": .string(try await cik(of: template, fixture))])
        #expect(original["comments"]?.arrayValue?.count == 2)
    }

    @Test func cloneCopiesCommentsToo() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await commentedTemplate(fixture)
        let clone = try #require(try await fixture.rpc.ok("create", ["clone", ["rid": .string(template)]]).stringValue)
        let ports = try await fixture.rpc.ok("listing", [.string(clone), ["dataport"], [:]])
        let port = try #require(ports["dataport"]?[0])
        // The root sees public comments only.
        #expect(try await fixture.rpc.ok("info", [port, ["comments": true]])["comments"] == [["public", "thermometer"]])
    }

    private func cik(of rid: String, _ fixture: ProvisionFixture) async throws -> String {
        try #require(try await fixture.rpc.ok("info", [.string(rid), ["key": true]])["key"]?.stringValue)
    }
}
