import OneP
import OnePJSON
import Testing

@Suite struct ProvisionClientSerialNumberTests {
    @Test func serialNumbersOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            #expect(try await client.serialNumberList(model: "m1").status == 204)
            #expect(try await client.serialNumberAdd(model: "m1", sn: "a1", extra: "one").status == 205)
            #expect(try await client.serialNumberAdd(model: "m1", sn: "a1").status == 409)
            #expect(try await client.serialNumberAdd(model: "m1", sns: ["a2", "a3"]).status == 205)
            #expect(try await client.serialNumberAdd(model: "m1", withExtra: [("a4", "four"), ("a5", "")]).status == 205)
            #expect(try await client.serialNumberAdd(model: "nope", sn: "x").status == 404)
            let list = try await client.serialNumberList(model: "m1", offset: 0, limit: 10)
            #expect(list.lines == ["a1,,one", "a2,,", "a3,,", "a4,,four", "a5,,"])
            #expect(try await client.serialNumberList(model: "m1", offset: 0, limit: 5, status: true).lines.first == "a1,,,one")
            #expect(try await client.serialNumberRemove(model: "m1", sn: "a5").status == 205)
            #expect(try await client.serialNumberRemove(model: "m1", sns: ["a4", "a3"]).status == 205)
            #expect(try await client.serialNumberRemoveListed(model: "m1", sns: ["a2"]).status == 205)
            #expect(try await client.serialNumberRemove(model: "m1", sn: "a5").status == 404)
            #expect(try await client.serialNumberList(model: "m1").lines == ["a1,,one"])

            let range = SerialNumberRange(format: "base16", length: 4, uppercase: false, first: 0x10, last: 0x1f)
            #expect(try await client.serialNumberAddRanges(model: "m1", [range]).status == 205)
            let ranges = try await client.serialNumberRanges(model: "m1")
            #expect(try JSON(parsing: ranges.body) == [["format": "base16", "length": 4, "casing": "lower", "first": 16, "last": 31]])
            #expect(try await client.serialNumberInfo(model: "m1", sn: "001a").text == "unused,,")
            #expect(try await client.serialNumberRemoveRanges(model: "m1", [range]).status == 205)
            #expect(try await client.serialNumberRanges(model: "m1").text == "[]")
            #expect(try await client.serialNumberAddRanges(model: "m1", [SerialNumberRange(format: "roman", first: 1, last: 2)]).status == 400)
        }
    }

    @Test func lifecycleOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            _ = try await client.serialNumberAdd(model: "m1", sns: ["s1", "s2"])
            let enabled = try await client.serialNumberEnable(model: "m1", sn: "s1", owner: env.rootRID)
            #expect(enabled.status == 200 && enabled.text.utf8.count == 40)
            #expect(try await client.serialNumberEnable(model: "m1", sn: "s1", owner: env.rootRID).status == 409)
            #expect(try await client.serialNumberEnable(model: "m1", sn: "zz", owner: env.rootRID).status == 404)

            let noAuth = client.with(auth: nil)
            let activated = try await noAuth.activate(vendor: env.vendor, model: "m1", sn: "s1")
            #expect(activated.status == 200 && activated.text.utf8.count == 40)
            #expect(activated.header("Content-Type") == "text/plain; charset=utf-8")
            // The client's own credentials are not what activation needs.
            #expect(try await client.activate(vendor: env.vendor, model: "m1", sn: "s1").status == 409)
            #expect(try await noAuth.activate(vendor: env.vendor, model: "m1", sn: "zz").status == 404)
            let cik = activated.text
            let works = try await env.withRPC { _ in
                try await RPCClient(transport: HTTPTransport(url: env.server.url), auth: .cik(cik)).call(.info(.me, options: [.basic]))
            }
            #expect(works?["basic"]?["status"] == "activated")

            #expect(try await client.serialNumberInfo(model: "m1", sn: "s1").text == "activated,\(enabled.text),")
            #expect(try await client.serialNumberLog(model: "m1", sn: "s1").lines.count == 2)
            #expect(try await client.serialNumberReenable(model: "m1", sn: "s1").status == 205)
            #expect(try await client.serialNumberInfo(model: "m1", sn: "s1").text == "notactivated,\(enabled.text),")
            #expect(try await client.serialNumberRemap(model: "m1", sn: "s2", oldSN: "s1").status == 205)
            #expect(try await client.serialNumberInfo(model: "m1", sn: "s2").text == "notactivated,\(enabled.text),")
            #expect(try await noAuth.activate(vendor: env.vendor, model: "m1", sn: "s2").status == 200)
            #expect(try await client.serialNumberDisable(model: "m1", sn: "s2").status == 205)
            #expect(try await client.serialNumberInfo(model: "m1", sn: "s2").text == "expired,\(enabled.text),")
            #expect(try await client.serialNumberDisable(model: "m1", sn: "s1").status == 409)
            #expect(try await client.serialNumberDelete(model: "m1", sn: "s2").status == 205)
            #expect(try await client.serialNumberDelete(model: "m1", sn: "s2").status == 404)
            #expect(try await client.serialNumberGroups(model: "m1", sn: "s1").status == 204)
            try await noAuth.shutdown()
        }
    }
}
