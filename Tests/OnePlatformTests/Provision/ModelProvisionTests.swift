import OnePJSON
import OnePlatform
import Testing

@Suite struct ModelProvisionTests {
    @Test func createListInfoUpdateAndDelete() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.model("m1", options: "&options[]=noaliases&options[]=nohistorical")
        let list = await fixture.send("GET", "/provision/manage/model/")
        #expect(list.status == 200 && list.lines == ["m1"])
        #expect(list.header("Content-Type") == "text/csv; charset=utf-8")
        let info = await fixture.send("GET", "/provision/manage/model/m1")
        #expect(info.status == 200)
        #expect(info.text == "rid=\(template)&options[]=noaliases&options[]=nohistorical")
        let other = try await fixture.template()
        #expect(await fixture.send("PUT", "/provision/manage/model/m1", form: "rid=\(other)&options[]=nocomments").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1").text == "rid=\(other)&options[]=nocomments")
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/").status == 204)
    }

    @Test func deleteByPostRemovesSerialNumbersAndContent() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model("m1", sns: ["a"])
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=x").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "delete=true&model=m1").status == 205)
        try await fixture.model("m1")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").status == 204)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/").status == 204)
    }

    @Test func modelFromShareCodeEnablesCopies() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.template()
        let code = try #require(try await fixture.rpc.ok("share", [.string(template), [:]]).stringValue)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m1&code=\(code)").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1").text == "code=\(code)")
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m2&code=nope").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m3&code=\(code)&rid=\(template)").status == 400)
        _ = await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=s1")
        let enabled = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)")
        #expect(enabled.status == 200 && enabled.text != template)
    }

    @Test func duplicateModelIsAConflict() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.model("m1")
        let again = await fixture.send("POST", "/provision/manage/model/", form: "model=m1&rid=\(template)")
        #expect(again.status == 409)
    }

    @Test func unknownModelIsNotFound() async throws {
        let fixture = try ProvisionFixture.make()
        #expect(await fixture.send("GET", "/provision/manage/model/nope").status == 404)
        #expect(await fixture.send("DELETE", "/provision/manage/model/nope").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/model/nope/").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "delete=true&model=nope").status == 404)
    }

    @Test func malformedCreatesAreBadRequests() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.template()
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m1").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "rid=\(template)").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m1&rid=xyz").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m1&rid=\(String(repeating: "a", count: 40))").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=m1&rid=\(template)&options[]=bogus").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/model/", form: "model=a%2Fb&rid=\(template)").status == 400)
        #expect(await fixture.send("GET", "/provision/manage/model/").status == 204)
    }

    @Test func badCredentialsAreRefused() async throws {
        let fixture = try ProvisionFixture.make()
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: []).status == 401)
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-Token", "nope")]).status == 401)
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-CIK", String(repeating: "b", count: 40))]).status == 401)
        // A real client's CIK that no vendor is registered to.
        let device = try await fixture.rpc.client()
        let cik = try #require(device.auth["cik"]?.stringValue)
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-CIK", cik)]).status == 403)
        // The root client's CIK is the bootstrap vendor's.
        let root = [("X-Exosite-CIK", fixture.platform.bootstrap.rootCIK)]
        #expect(await fixture.send("GET", "/provision/manage/model/", auth: root).status == 204)
    }

    @Test func unknownPathsAndMethods() async throws {
        let fixture = try ProvisionFixture.make()
        #expect(await fixture.send("GET", "/provision/manage/nothing/").status == 404)
        #expect(await fixture.send("GET", "/other").status == 404)
        #expect(await fixture.send("PATCH", "/provision/manage/model/").status == 405)
    }
}
