import OnePJSON
import OnePlatform
import Testing

@Suite struct SerialNumberProvisionTests {
    @Test func addOneManyAndCSVThenList() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=a1&extra=first").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn[]=a2&sn[]=a3").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "add=true&sn=a4").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "add=true&sn[]=a5&sn[]=a6").status == 205)
        let csv = await fixture.send("POST", "/provision/manage/model/m1/", body: Array("a7,seven\na8,x,y\n".utf8), contentType: "text/csv")
        #expect(csv.status == 205)
        let list = await fixture.send("GET", "/provision/manage/model/m1/", query: "offset=0&limit=1000")
        #expect(list.status == 200)
        #expect(list.lines == ["a1,,first", "a2,,", "a3,,", "a4,,", "a5,,", "a6,,", "a7,,seven", #"a8,,"x,y""#])
        let page = await fixture.send("GET", "/provision/manage/model/m1/", query: "offset=5&limit=5")
        #expect(page.lines == ["a6,,", "a7,,seven", #"a8,,"x,y""#])
        let withStatus = await fixture.send("GET", "/provision/manage/model/m1/", query: "offset=6&limit=2&status=true")
        #expect(withStatus.lines == ["a7,,,seven", #"a8,,,"x,y""#])
    }

    @Test func duplicatesConflictAndChangeNothing() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["a1"])
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=a1").status == 409)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn[]=b1&sn[]=a1").status == 409)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn[]=c1&sn[]=c1").status == 409)
        let csv = await fixture.send("POST", "/provision/manage/model/m1/", body: Array("d1,\na1,\n".utf8), contentType: "text/csv")
        #expect(csv.status == 409)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").lines == ["a1,,"])
    }

    @Test func removeOneManyOlderFormAndCSV() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["a", "b", "c", "d", "e", "f"])
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "delete=true&sn=a").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "delete=true&sn[]=b&sn[]=c").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "remove=true&sn[]=d").status == 205)
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1/", body: Array("e\n".utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").lines == ["f,,"])
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "delete=true&sn[]=f&sn[]=zz").status == 404)
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1/f").status == 205)
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1/f").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").status == 204)
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: "delete=true").status == 400)
    }

    @Test func rangesAddShowRemoveAndEnable() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        let body = #"{"ranges":[{"format":"mac:48","casing":"upper","first":10,"last":20},{"format":"base10","length":4,"first":5,"last":9}]}"#
        #expect(
            await fixture.send("POST", "/provision/manage/model/m1/", body: Array(body.utf8), contentType: "application/javascript").status == 205)
        let shown = await fixture.send("GET", "/provision/manage/model/m1/", query: "show=ranges")
        let ranges = try #require(try JSON(parsing: shown.body).arrayValue)
        #expect(ranges.count == 2)
        #expect(ranges[0] == ["format": "mac:48", "length": .null, "casing": "upper", "first": 10, "last": 20])
        #expect(ranges[1]["length"] == 4)
        // A number inside a range exists without being listed one by one.
        #expect(await fixture.send("GET", "/provision/manage/model/m1/00:00:00:00:00:0F").text == "unused,,")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/0007").text == "unused,,")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/00:00:00:00:00:0f").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/7").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/00:00:00:00:00:15").status == 404)
        let remove = #"{"ranges":[{"format":"base10","length":4,"casing":"upper","first":5,"last":9}]}"#
        #expect(
            await fixture.send("DELETE", "/provision/manage/model/m1/", body: Array(remove.utf8), contentType: "application/javascript").status == 205
        )
        #expect(
            await fixture.send("DELETE", "/provision/manage/model/m1/", body: Array(remove.utf8), contentType: "application/javascript").status == 404
        )
        #expect(await fixture.send("GET", "/provision/manage/model/m1/0008").status == 404)
    }

    @Test func malformedRangesAreBadRequests() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        for body in [
            "{", #"{"ranges":[]}"#, #"{"ranges":[{"format":"base7","first":1,"last":2}]}"#, #"{"ranges":[{"format":"base10","first":5,"last":2}]}"#,
        ] {
            let answer = await fixture.send("POST", "/provision/manage/model/m1/", body: Array(body.utf8), contentType: "application/json")
            #expect(answer.status == 400, "\(body)")
        }
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", query: "show=ranges").text == "[]")
    }

    @Test func badPagingIsABadRequest() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["a"])
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", query: "offset=-1").status == 400)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", query: "limit=x").status == 400)
    }
}
