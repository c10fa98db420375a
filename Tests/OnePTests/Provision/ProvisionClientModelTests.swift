import OneP
import OnePJSON
import Testing

@Suite struct ProvisionClientModelTests {
    @Test func modelsOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            let template = try await env.template()
            #expect(try await client.modelList().status == 204)
            #expect(try await client.modelCreate("m1", template: .rid(template), options: .init(noAliases: true)).status == 205)
            #expect(try await client.modelCreate("m1", template: .rid(template)).status == 409)
            #expect(try await client.modelCreate("m2", template: .rid("zz")).status == 400)
            #expect(try await client.modelCreate("m3", template: .code("nope")).status == 404)
            let list = try await client.modelList()
            #expect(list.lines == ["m1"] && list.header("Content-Type") == "text/csv; charset=utf-8")
            #expect(try await client.modelInfo("m1").text == "rid=\(template)&options[]=noaliases")
            #expect(try await client.modelUpdate("m1", template: .rid(template), options: .init(noHistorical: true)).status == 205)
            #expect(try await client.modelInfo("m1").text == "rid=\(template)&options[]=nohistorical")
            #expect(try await client.modelInfo("nope").status == 404)
            #expect(try await client.modelListShared().status == 204)
            #expect(try await client.modelDelete("m1").status == 205)
            #expect(try await client.modelDelete("m1").status == 404)
            _ = try await client.modelCreate("m4", template: .rid(template))
            #expect(try await client.modelDeleteByPost("m4").status == 205)
            #expect(try await client.modelList().status == 204)
        }
    }

    @Test func sharesOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            let (cik, rid) = try await env.withRPC { rpc in
                let description: JSON = ["limits": ProvisionServerFixture.inheritedLimits]
                let rid = try #require(try await rpc.call(.create(.me, type: .client, description: description))?.stringValue)
                return (try #require(try await rpc.call(.info(.rid(rid), options: [.key]))?["key"]?.stringValue), rid)
            }
            #expect(try await client.register(vendor: "acme", cik: cik).status == 205)
            #expect(try await client.shareList(model: "m1").status == 204)
            #expect(try await client.shareCreate(model: "m1", vendor: "acme").status == 205)
            #expect(try await client.shareCreate(model: "m1", vendor: "acme").status == 409)
            #expect(try await client.shareCreate(model: "m1", vendor: "ghost").status == 404)
            #expect(try await client.shareList(model: "m1").lines == ["acme"])
            #expect(try await client.shareCheck(model: "m1", vendor: "acme").status == 204)
            let acme = client.with(auth: .cik(cik))
            #expect(try await acme.modelListShared().lines == ["\(env.vendor),m1"])
            _ = try await client.serialNumberAdd(model: "m1", sn: "s1")
            let enabled = try await acme.serialNumberEnable(model: "m1", sn: "s1", owner: rid, ownerVendor: env.vendor)
            #expect(enabled.status == 200)
            #expect(try await acme.serialNumberList(model: "m1", ownerVendor: env.vendor).lines == ["s1,\(enabled.text),"])
            #expect(try await acme.serialNumberInfo(model: "m1", sn: "s1", ownerVendor: env.vendor).text == "notactivated,\(enabled.text),")
            #expect(try await acme.serialNumberReenable(model: "m1", sn: "s1", ownerVendor: env.vendor).status == 205)
            #expect(try await acme.serialNumberDisable(model: "m1", sn: "s1", ownerVendor: env.vendor).status == 205)
            #expect(try await acme.serialNumberLog(model: "m1", sn: "s1", ownerVendor: env.vendor).lines.count == 3)
            #expect(try await acme.modelDelete("m1").status == 404)
            #expect(try await client.serialNumberList(model: "m1", shared: "acme").lines == ["s1,\(enabled.text),"])
            #expect(try await client.shareDelete(model: "m1", vendor: "acme").status == 205)
            #expect(try await client.shareDelete(model: "m1", vendor: "acme").status == 404)
            #expect(try await client.shareCheck(model: "m1", vendor: "acme").status == 404)
            #expect(try await acme.serialNumberInfo(model: "m1", sn: "s1", ownerVendor: env.vendor).status == 404)
            try await acme.shutdown()
        }
    }
}
