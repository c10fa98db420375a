import OnePJSON
import OnePlatform
import Testing

/// The `text/csv` the provisioning API reads and writes: a field holding a comma, a double quote or
/// a line break is quoted, with its quotes doubled; plain fields are written as they are.
@Suite struct CSVAnswerTests {
    @Test func serialNumberListsAndInfoQuoteFreeText() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        for (sn, extra) in [("s1", "plain"), ("s2", "a,b"), ("s3", #"say "hi""#), ("s4", "two\nlines")] {
            let form = "sn=\(sn)&extra=\(extra.addingFormEncoding)"
            #expect(await fixture.send("POST", "/provision/manage/model/m1/", form: form).status == 205)
        }
        let list = await fixture.send("GET", "/provision/manage/model/m1/")
        #expect(list.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(list.text == "s1,,plain\r\ns2,,\"a,b\"\r\ns3,,\"say \"\"hi\"\"\"\r\ns4,,\"two\nlines\"")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/s2").text == #"unused,,"a,b""#)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/", query: "status=true&offset=2&limit=5").text.hasPrefix(#"s3,,,"say ""hi""""#))
    }

    @Test func contentAndGroupAnswersQuoteMeta() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=v1%2C+beta")
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw").text == #",0,\#(Int(TestPlatform.start)),"v1, beta",false"#)
        _ = await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1&meta=wave+1%2C+north")
        #expect(await fixture.send("GET", "/provision/manage/group/m1/").text == #"g1,"wave 1, north""#)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g1").text == #""wave 1, north",0"#)
        _ = await fixture.send("POST", "/provision/manage/group/m1/g1/", form: "type=sn&id=s1&meta=%22x%22")
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g1/").text == #"sn,s1,0,"""x""""#)
    }

    @Test func csvBodiesMayQuoteTheirFields() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        let body = "q1,\"x,y\"\r\n\"q,2\",plain\nq3,\"multi\nline\"\nq4,older,unquoted\n\n"
        #expect(await fixture.send("POST", "/provision/manage/model/m1/", body: Array(body.utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/q%2C2").text == "unused,,plain")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/q1").text == #"unused,,"x,y""#)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/q3").text == "unused,,\"multi\nline\"")
        // A client that never quotes: the rest of the line is the extra data.
        #expect(await fixture.send("GET", "/provision/manage/model/m1/q4").text == #"unused,,"older,unquoted""#)

        _ = await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1")
        let members = "sn,q1,0,\"meta, with comma\"\n"
        #expect(await fixture.send("POST", "/provision/manage/group/m1/g1/", body: Array(members.utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/group/m1/g1/").text == #"sn,q1,0,"meta, with comma""#)
        #expect(await fixture.send("DELETE", "/provision/manage/group/m1/g1/", body: Array("sn,q1\n".utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("DELETE", "/provision/manage/model/m1/", body: Array("\"q,2\"\n".utf8), contentType: "text/csv").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/model/m1/q,2").status == 404)
    }

    @Test func anUnclosedQuoteIsABadRequest() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        let answer = await fixture.send("POST", "/provision/manage/model/m1/", body: Array("q1,\"open\n".utf8), contentType: "text/csv")
        #expect(answer.status == 400)
        #expect(answer.text.contains("quoted CSV field is not closed"))
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").status == 204)
    }
}

extension String {
    /// The string as a form value: letters and digits kept, everything else percent-encoded.
    fileprivate var addingFormEncoding: String {
        var result = ""
        for byte in utf8 {
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                result.append(Character(UnicodeScalar(byte)))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return result
    }

    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
