import OnePJSON
import OnePlatform
import Testing

@Suite struct ContentProvisionTests {
    static func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    @Test func createUploadInfoDownloadAndDelete() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=v1").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=v1").status == 409)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/").lines == ["fw"])
        let start = Int(TestPlatform.start)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw").text == ",0,\(start),v1,false")
        fixture.rpc.clock.advance(by: 10)
        let payload = Self.bytes(600_000)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/fw", body: payload, contentType: "application/x-firmware").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw").text == "application/x-firmware,600000,\(start + 10),v1,false")
        let whole = await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true")
        #expect(whole.status == 200 && whole.body == payload)
        #expect(whole.header("Content-Type") == "application/x-firmware")
        #expect(await fixture.send("DELETE", "/provision/manage/content/m1/fw").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw").status == 404)
        #expect(await fixture.send("DELETE", "/provision/manage/content/m1/fw").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/").status == 204)
    }

    @Test func rangesAnswerPartialContent() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw")
        let payload = Self.bytes(300_000)
        _ = await fixture.send("POST", "/provision/manage/content/m1/fw", body: payload, contentType: "application/octet-stream")
        let cases: [(String, Range<Int>)] = [
            ("bytes=0-99", 0..<100), ("bytes=262100-262200", 262_100..<262_201), ("bytes=-10", 299_990..<300_000),
            ("bytes=299000-", 299_000..<300_000), ("bytes=5-999999", 5..<300_000),
        ]
        for (header, range) in cases {
            let answer = await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true", headers: [("Range", header)])
            #expect(answer.status == 206, "\(header)")
            #expect(answer.body == Array(payload[range]), "\(header)")
            #expect(answer.header("Content-Range") == "bytes \(range.lowerBound)-\(range.upperBound - 1)/300000")
        }
        #expect(
            await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true", headers: [("Range", "bytes=400000-")]).status == 416)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true", headers: [("Range", "lines=1-2")]).status == 400)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true", headers: [("Range", "bytes=9-2")]).status == 400)
    }

    @Test func uploadToUnknownContentIsNotFound() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        #expect(await fixture.send("POST", "/provision/manage/content/m1/nope", body: [1, 2], contentType: "text/plain").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/content/zz/nope", body: [1, 2], contentType: "text/plain").status == 404)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/nope", body: [1, 2], contentType: "text/plain", auth: []).status == 401)
    }

    @Test func protectedContentNeedsASharedGroup() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model(sns: ["s1", "s2"])
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=open&meta=o")
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=secret&meta=s&protected=true")
        _ = await fixture.send("POST", "/provision/manage/content/m1/secret", body: Array("hidden".utf8), contentType: "text/plain")
        #expect(await fixture.send("GET", "/provision/manage/content/m1/", query: "sn=s1").lines == ["open"])
        #expect(await fixture.send("GET", "/provision/manage/content/m1/secret", query: "sn=s1").status == 400)
        _ = await fixture.send("POST", "/provision/manage/group/m1/", form: "id=beta&meta=b")
        _ = await fixture.send("POST", "/provision/manage/group/m1/", form: "id=outer")
        #expect(await fixture.send("POST", "/provision/manage/group/m1/beta/", form: "type=sn&id=s1").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/outer/", form: "type=group&id=beta").status == 205)
        #expect(await fixture.send("POST", "/provision/manage/group/m1/outer/", form: "type=content&id=secret").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/", query: "sn=s1").lines == ["open", "secret"])
        #expect(await fixture.send("GET", "/provision/manage/content/m1/", query: "sn=s2").lines == ["open"])
        #expect(await fixture.send("GET", "/provision/manage/content/m1/secret", query: "sn=s1").text == "text/plain,6,\(Int(TestPlatform.start)),s")
        #expect(await fixture.send("GET", "/provision/manage/content/m1/secret", query: "sn=s1&download=true").text == "hidden")
        #expect(await fixture.send("GET", "/provision/manage/content/m1/secret", query: "show=groups").lines == ["outer"])

        // The device side sees the same.
        let (_, cik) = try await fixture.activated("m1", "s1")
        let device = [("X-Exosite-CIK", cik)]
        let base = "vendor=\(fixture.vendor)&model=m1"
        #expect(await fixture.send("GET", "/provision/download", query: base, auth: device).lines == ["open", "secret"])
        #expect(await fixture.send("GET", "/provision/download", query: base + "&id=secret", auth: device).text == "hidden")
        #expect(
            await fixture.send("GET", "/provision/download", query: base + "&id=secret&info=true", auth: device).text
                == "text/plain,6,\(Int(TestPlatform.start)),s")
        let partial = await fixture.send("GET", "/provision/download", query: base + "&id=secret", auth: device, headers: [("Range", "bytes=1-2")])
        #expect(partial.status == 206 && partial.text == "id")
        let (_, other) = try await fixture.activated("m1", "s2")
        #expect(await fixture.send("GET", "/provision/download", query: base + "&id=secret", auth: [("X-Exosite-CIK", other)]).status == 403)
        #expect(await fixture.send("GET", "/provision/download", query: base + "&id=nope", auth: device).status == 404)
        #expect(await fixture.send("GET", "/provision/download", query: "vendor=\(fixture.vendor)&model=zz", auth: device).status == 403)
        #expect(await fixture.send("GET", "/provision/download", query: base, auth: []).status == 401)
        // Expired memberships stop counting.
        _ = await fixture.send("POST", "/provision/manage/group/m1/beta/", form: "type=sn&id=s1&expire=\(Int(TestPlatform.start) + 5)")
        fixture.rpc.clock.advance(by: 10)
        #expect(await fixture.send("GET", "/provision/download", query: base, auth: device).lines == ["open"])
    }

    @Test func contentErrors() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "meta=x").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "id=a%2Fb").status == 400)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/", form: "delete=true&id=zz").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/content/zz/").status == 404)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/", query: "sn=ghost").status == 400)
    }
}

/// provision.md answers 409 to an upload for content that already has its bytes.
@Suite struct ContentReuploadTests {
    @Test func aSecondUploadConflictsAndKeepsTheFirstBytes() async throws {
        let fixture = try ProvisionFixture.make()
        try await fixture.model()
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=v1")
        let first = ContentProvisionTests.bytes(300_000)
        #expect(await fixture.send("POST", "/provision/manage/content/m1/fw", body: first, contentType: "application/x-fw").status == 205)
        let again = await fixture.send("POST", "/provision/manage/content/m1/fw", body: [1, 2, 3], contentType: "text/plain")
        #expect(again.status == 409)
        #expect(again.text.contains("delete it and create it again"))
        let kept = await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true")
        #expect(kept.body == first && kept.header("Content-Type") == "application/x-fw")
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw").text.hasPrefix("application/x-fw,300000,"))

        // Deleting and creating the entry again takes new bytes.
        #expect(await fixture.send("DELETE", "/provision/manage/content/m1/fw").status == 205)
        _ = await fixture.send("POST", "/provision/manage/content/m1/", form: "id=fw&meta=v2")
        #expect(await fixture.send("POST", "/provision/manage/content/m1/fw", body: [1, 2, 3], contentType: "text/plain").status == 205)
        #expect(await fixture.send("GET", "/provision/manage/content/m1/fw", query: "download=true").body == [1, 2, 3])
    }
}
