import OnePJSON
import OnePlatform
import Testing

@Suite struct EnableActivateProvisionTests {
    @Test func enableClonesTheTemplateUnderTheOwner() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.model(sns: ["s1"])
        let owner = try await fixture.rpc.client(["name": "portal"])
        let enabled = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(owner.rid)")
        #expect(enabled.status == 200)
        #expect(enabled.header("Content-Type") == "text/csv; charset=utf-8")
        let rid = enabled.text
        #expect(rid.utf8.count == 40 && rid != template)
        let children = try await fixture.rpc.ok("listing", [.string(owner.rid), ["client"], [:]])
        #expect(children["client"] == [.string(rid)])
        let info = try await fixture.rpc.ok("info", [.string(rid), ["basic": true, "aliases": true, "description": true]])
        #expect(info["basic"]?["status"] == "notactivated")
        #expect(info["description"]?["name"] == "template")
        let ports = try #require(try await fixture.rpc.ok("listing", [.string(rid), ["dataport"], [:]])["dataport"]?.arrayValue)
        #expect(ports.count == 1)
        #expect(try await fixture.rpc.points(ports[0]).count == 1)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "notactivated,\(rid),")
        #expect(await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(owner.rid)").status == 409)
    }

    @Test func modelOptionsLeaveOutAliasesAndHistory() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"], options: "&options[]=noaliases&options[]=nohistorical")
        let enabled = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)")
        let info = try await fixture.rpc.ok("info", [.string(enabled.text), ["aliases": true]])
        #expect(info["aliases"] == [:])
        let ports = try #require(try await fixture.rpc.ok("listing", [.string(enabled.text), ["dataport"], [:]])["dataport"]?.arrayValue)
        #expect(try await fixture.rpc.points(ports[0]).isEmpty)
    }

    @Test func activationHandsOutTheCIKOnce() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let (rid, cik) = try await fixture.activated("m1", "s1")
        #expect(cik.utf8.count == 40)
        #expect(try await fixture.rpcOutcome(cik: cik) == "ok")
        let again = await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: [])
        #expect(again.status == 409)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "activated,\(rid),")
        let log = await fixture.send("GET", "/provision/manage/model/m1/s1", query: "show=log")
        #expect(log.lines.last == "\(Int(TestPlatform.start)),127.0.0.1,model=m1&vendor=\(fixture.vendor)&sn=s1")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", query: "status=true").lines == ["s1,activated,\(rid),"])
    }

    @Test func activationIgnoresEmptyAuthHeaders() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        _ = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)")
        let answer = await fixture.send(
            "POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: [("X-Exosite-CIK", ""), ("X-Exosite-Token", "")])
        #expect(answer.status == 200)
    }

    @Test func activationErrors() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let base = "vendor=\(fixture.vendor)&model=m1"
        #expect(await fixture.send("POST", "/provision/activate", form: "\(base)&sn=s1", auth: []).status == 409)
        #expect(await fixture.send("POST", "/provision/activate", form: "\(base)&sn=nope", auth: []).status == 404)
        #expect(await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=nope&sn=s1", auth: []).status == 404)
        #expect(await fixture.send("POST", "/provision/activate", form: "vendor=ghost&model=m1&sn=s1", auth: []).status == 404)
        #expect(await fixture.send("POST", "/provision/activate", form: base, auth: []).status == 400)
        #expect(await fixture.send("GET", "/provision/activate", auth: []).status == 405)
    }

    @Test func regenerateRetiresTheOldCIKAndReopensActivation() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let (rid, cik) = try await fixture.activated("m1", "s1")
        #expect(await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true").status == 205)
        #expect(try await fixture.rpcOutcome(cik: cik) == "401")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "notactivated,\(rid),")
        let again = await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: [])
        #expect(again.status == 200 && again.text != cik)
        #expect(try await fixture.rpcOutcome(cik: again.text) == "ok")
    }

    @Test func disableExpiresTheCIK() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let (rid, cik) = try await fixture.activated("m1", "s1")
        #expect(await fixture.send("POST", "/provision/manage/model/m1/s1", form: "disable=true").status == 205)
        #expect(try await fixture.rpcOutcome(cik: cik) == "401")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "expired,\(rid),")
        #expect(await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: []).status == 409)
    }

    @Test func remapMovesTheClientToAnotherSerialNumber() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["old", "new"])
        let (rid, cik) = try await fixture.activated("m1", "old")
        #expect(await fixture.send("POST", "/provision/manage/model/m1/new", form: "enable=true&oldsn=old").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/old").text == "unused,,")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/new").text == "notactivated,\(rid),")
        #expect(try await fixture.rpcOutcome(cik: cik) == "401")
        #expect(await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=new", auth: []).status == 200)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/new", form: "enable=true&oldsn=old").status == 409)
    }

    @Test func droppingTheClientOrphansTheSerialNumber() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let (rid, _) = try await fixture.activated("m1", "s1")
        try await fixture.rpc.ok("drop", [.string(rid)])
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "orphaned,,")
    }

    @Test func ownerWithoutRoomIsAConflict() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        let full = try await fixture.rpc.client(["limits": ["client": 0]])
        let answer = await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true&owner=\(full.rid)")
        #expect(answer.status == 409)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1").text == "unused,,")
    }

    @Test func lifecycleErrors() async throws {
        let fixture = try ProvisionFixture.make()
        let template = try await fixture.model(sns: ["s1"])
        let path = "/provision/manage/model/m1/s1"
        #expect(await fixture.send("POST", path, form: "enable=true").status == 409)
        #expect(await fixture.send("POST", path, form: "disable=true").status == 409)
        #expect(await fixture.send("POST", path, form: "nothing=true").status == 400)
        #expect(await fixture.send("POST", path, form: "enable=true&owner=zz").status == 400)
        #expect(
            await fixture.send("POST", "/provision/manage/model/m1/nope", form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)").status
                == 404)
        // The template itself vanished: enabling cannot copy it.
        try await fixture.rpc.ok("drop", [.string(template)])
        #expect(await fixture.send("POST", path, form: "enable=true&owner=\(fixture.platform.bootstrap.rootRID)").status == 409)
        #expect(await fixture.send("GET", path).text == "unused,,")
        #expect(await fixture.send("GET", path, query: "show=log").status == 204)
    }
}
