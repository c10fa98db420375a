import OnePJSON
import OnePlatform
import Testing

/// Malformed provisioning requests get the 4xx provision.md implies, with a one-line reason.
@Suite("Malformed provisioning requests")
struct MalformedProvisionTests {
    private func fixture() async throws -> ProvisionFixture {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1"])
        try #require(await fixture.send("POST", "/provision/manage/group/m1/", form: "id=g1").status == 205)
        return fixture
    }

    private func expectRefusal(_ answer: ProvisionFixture.Answer, _ statuses: Set<Int>, _ what: String) {
        #expect(statuses.contains(answer.status), "\(what) answered \(answer.status) \(answer.text)")
        let lines = answer.text.split(whereSeparator: \.isNewline)
        #expect(lines.count == 1 && answer.text.hasSuffix("\n"), "\(what): the reason is not one line: \(answer.text.debugDescription)")
    }

    @Test(arguments: [
        ("/provision/manage/group/m1/../", "type=sn"), ("/provision/manage/group/%/", "info=true"), ("/provision/manage/group/m1/%/", "info=true"),
        ("/provision/manage/group/m1/%zz/", ""), ("/provision/manage/model/%2e%2e/", ""), ("/provision/manage/model/../m1", ""),
        ("/provision/manage/content/m1/%", "download=true"), ("/provision//manage/model/", ""), ("/provision/manage/model/m1/%FF", ""),
    ])
    func pathsWithDotsAndEscapesAreRefused(_ path: String, _ query: String) async throws {
        let fixture = try await fixture()
        for method in ["GET", "POST", "PUT", "DELETE"] {
            expectRefusal(await fixture.send(method, path, query: query), [400, 404, 405], "\(method) \(path)?\(query)")
        }
    }

    @Test func aMultipartBodyIsNotAForm() async throws {
        let fixture = try await fixture()
        let multipart = "--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm2\r\n--XyZ--\r\n"
        let answer = await fixture.send(
            "POST", "/provision/manage/model/", body: Array(multipart.utf8), contentType: "multipart/form-data; boundary=XyZ")
        expectRefusal(answer, [415], "a multipart model create")
        // Read as a form it would add the serial number x: multipart is refused, not misread.
        let formInMultipart = await fixture.send("POST", "/provision/manage/model/m1/", body: Array("sn=x".utf8), contentType: "multipart/form-data")
        expectRefusal(formInMultipart, [415], "a form body sent as multipart")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").lines.map { $0.prefix(2) } == ["s1"])
    }

    @Test(arguments: ["s3,\"never closed\n", "sn,\"s1", "\"", "a,b\n\"c"])
    func csvWithAnUnterminatedQuoteIsRefused(_ csv: String) async throws {
        let fixture = try await fixture()
        expectRefusal(
            await fixture.send("POST", "/provision/manage/model/m1/", body: Array(csv.utf8), contentType: "text/csv"), [400], "serial CSV \(csv)")
        expectRefusal(
            await fixture.send("POST", "/provision/manage/group/m1/g1/", body: Array(csv.utf8), contentType: "text/csv"), [400], "group CSV \(csv)")
    }

    @Test func reasonsThatQuoteTheRequestStayOnOneLine() async throws {
        let fixture = try await fixture()
        expectRefusal(await fixture.send("GET", "/provision/mana\ne/model/m1/"), [404], "a path with a line break")
        expectRefusal(await fixture.send("GET", "/provision/manage/model/m\r\n1"), [404], "a model name with a line break")
    }

    @Test func textWithNULOrBadUTF8IsRefused() async throws {
        let fixture = try await fixture()
        expectRefusal(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=a%00b"), [400], "a serial number with %00")
        expectRefusal(await fixture.send("POST", "/provision/manage/model/m1/", form: "sn=%FF%FE"), [400], "a serial number that is not UTF-8")
        expectRefusal(await fixture.send("GET", "/provision/manage/model/m1/", query: "offset=0%00"), [400], "a query with %00")
        expectRefusal(await fixture.send("GET", "/provision/manage/model/m1%00x/"), [400], "a path with %00")
        expectRefusal(
            await fixture.send("POST", "/provision/manage/model/m1/", body: [0x61, 0x00, 0x62], contentType: "text/csv"), [400], "CSV with NUL")
        expectRefusal(
            await fixture.send("GET", "/provision/manage/model/", auth: [("X-Exosite-Token", fixture.token + "\u{0}")]), [400], "a token with NUL")
        #expect(await fixture.send("GET", "/provision/manage/model/m1/").lines.map { $0.prefix(2) } == ["s1"])
        // A content upload is bytes, not text: NUL is fine there.
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=c1").status == 205)
        #expect(
            await fixture.send("POST", "/provision/manage/content/m1/c1", body: [0, 1, 0xFF], contentType: "application/octet-stream").status == 205)
    }

    @Test func hugeRangesAndOffsetsAreRefusedOrAnswered() async throws {
        let fixture = try await fixture()
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=c1").status == 205)
        #expect(
            await fixture.send("POST", "/provision/manage/content/m1/c1", body: Array("0123456789".utf8), contentType: "text/plain").status == 205)
        let whole = await fixture.send(
            "GET", "/provision/manage/content/m1/c1", query: "download=true", headers: [("Range", "bytes=2-9223372036854775807")])
        #expect(whole.status == 206)
        #expect(whole.text == "23456789")
        for range in ["bytes=9223372036854775807-", "bytes=-9223372036854775808", "bytes=99999999999999999999-", "bytes=0-1,2-3"] {
            let answer = await fixture.send("GET", "/provision/manage/content/m1/c1", query: "download=true", headers: [("Range", range)])
            expectRefusal(answer, [400, 416], "Range \(range)")
        }
        for query in ["offset=9223372036854775807", "offset=99999999999999999999", "limit=-1", "offset=1e400"] {
            let answer = await fixture.send("GET", "/provision/manage/model/m1/", query: query)
            #expect([204, 400].contains(answer.status), "\(query) answered \(answer.status)")
        }
    }
}
