import OnePJSON
import OnePlatform
import Testing

@Suite struct GroupProvisionTests {
    @Test func groupsAndMembers() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1", "s2", "s3"])
        #expect(await fixture.send("GET", "/provision/manage/group/m1/").status == 204)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1&meta=first").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1&meta=again").status == 409)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g2").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/").lines == ["g1,first", "g2,"])
        let members = "/provision/manage/group/m1/g1/"
        #expect(await fixture.send("POST", members, form: "type=sn&id[]=s1&id[]=s2&expire=0&meta=m").status == 205)
        let csv = "sn,s3,99,three\ngroup,g2,0,\ncolor,blue,0,custom"
        #expect(await fixture.send("POST", members, body: Array(csv.utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g1").text == "first,5")
        let all = await fixture.send("GET", members, query: "limit=10")
        #expect(all.lines == ["sn,s1,0,m", "sn,s2,0,m", "sn,s3,99,three", "group,g2,0,", "color,blue,0,custom"])
        #expect(await fixture.send("GET", members).lines.count == 5)
        #expect(await fixture.send("GET", members, query: "type=group").lines == ["group,g2,0,"])
        #expect(await fixture.send("GET", members, query: "id=s2").lines == ["sn,s2,0,m"])
        #expect(await fixture.send("GET", members, query: "type=sn&id=s3").lines == ["sn,s3,99,three"])
        #expect(await fixture.send("GET", members, query: "type=sn&id=zz").status == 204)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g2", query: "show=groups").lines == ["g1"])
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1", query: "show=groups").lines == ["g1"])
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s1", query: "show=groups&offset=1").status == 204)

        #expect(await fixture.send("POST", members, form: "type=sn&id[]=s1&id[]=s2&delete=true").status == 205)
        #expect(await fixture.send("DELETE", members, body: Array("color,blue\n".utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", members).lines == ["sn,s3,99,three", "group,g2,0,"])
        #expect(await fixture.send("POST", members, form: "type=sn&id=s1&delete=true").status == 404)

        // Deleting a serial number or group takes it out of every group.
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1/s3").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g2&delete=true").status == 205)
        #expect(await fixture.send("GET", members).status == 204)
        #expect(await fixture.send("DELETE", "/provision/manage/group/m1/g1").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g1").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/").status == 204)
    }

    @Test func groupErrors() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        _ = await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1")
        let members = "/provision/manage/group/m1/g1/"
        #expect(await fixture.send("POST", members, form: "type=sn&id=ghost").status == 404)
        #expect(await fixture.send("POST", members, form: "type=content&id=ghost").status == 404)
        #expect(await fixture.send("POST", members, form: "id=s1").status == 400)
        #expect(await fixture.send("POST", members, form: "type=sn").status == 400)
        #expect(await fixture.send("POST", members, form: "type=sn&id=s1&expire=soon").status == 400)
        #expect(await fixture.send("POST", members, body: Array("sn\n".utf8), contentType: "text/csv").status == 400)
        // A bad line anywhere leaves the whole batch undone.
        #expect(await fixture.send("POST", members, body: Array("sn,s1,0,\nsn,ghost,0,\n".utf8), contentType: "text/csv").status == 404)
        #expect(await fixture.send("GET", members).status == 204)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/zz/").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=zz&delete=true").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/", form: "meta=x").status == 400)
    }
}
