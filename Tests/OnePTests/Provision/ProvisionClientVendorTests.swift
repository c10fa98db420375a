import OneP
import Testing

@Suite struct ProvisionClientVendorTests {
    @Test func registerAndTokensOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            let root = env.platform.bootstrap.rootCIK
            let shown = try await client.registeredVendor(cik: root)
            #expect(shown.status == 200 && shown.text == env.vendor && shown.reason == "OK")

            let device = try await env.withRPC { rpc in
                let rid = try #require(try await rpc.call(.create(.me, type: .client, description: [:]))?.stringValue)
                return try #require(try await rpc.call(.info(.rid(rid), options: [.key]))?["key"]?.stringValue)
            }
            #expect(try await client.registeredVendor(cik: device).status == 204)
            let registered = try await client.register(vendor: "acme", cik: device)
            #expect(registered.status == 205 && registered.reason == "Reset Content" && registered.body.isEmpty)
            #expect(try await client.register(vendor: "acme2", cik: device).status == 409)
            #expect(try await client.registeredVendor(cik: device).text == "acme")

            let acme = client.with(auth: .cik(device))
            let token = try await acme.tokenCreate(id: "ci")
            #expect(token.status == 200 && token.text.utf8.count == 40)
            #expect(try await acme.tokenCreate(id: "ci").status == 409)
            #expect(try await acme.tokenList().lines == ["ci"])
            #expect(try await acme.tokenShow(id: "ci").text == token.text)
            let byToken = client.with(auth: .token(token.text))
            #expect(try await byToken.modelList().status == 204)
            #expect(try await acme.tokenDelete(id: "ci").status == 205)
            #expect(try await byToken.modelList().status == 401)
            _ = try await acme.tokenCreate(id: "two")
            #expect(try await acme.tokenDeleteByPost(id: "two").status == 205)
            #expect(try await acme.tokenShow(id: "two").status == 404)
            #expect(try await client.unregister(vendor: "acme", cik: device).status == 205)
            #expect(try await acme.modelList().status == 403)
            try await acme.shutdown()
            try await byToken.shutdown()
        }
    }

    @Test func badCredentialsOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let nobody = env.client.with(auth: nil)
            #expect(try await nobody.modelList().status == 401)
            let wrong = env.client.with(auth: .token("nope"))
            #expect(try await wrong.modelList().status == 401)
            #expect(try await wrong.registeredVendor(cik: "nope").status == 401)
            try await nobody.shutdown()
            try await wrong.shutdown()
        }
    }

    @Test func throwsOnErrorTurnsRefusalsIntoErrors() async throws {
        try await ProvisionServerFixture.run(throwsOnError: true) { env in
            let template = try await env.template()
            #expect(try await env.client.modelCreate("m1", template: .rid(template)).status == 205)
            do {
                _ = try await env.client.modelCreate("m1", template: .rid(template))
                Issue.record("a duplicate model was accepted")
            } catch let error as ProvisionError {
                #expect(error.status == 409)
                #expect(error.description.contains("409"))
                #expect(error.detail?.contains("already exists") == true)
            }
            await #expect(throws: ProvisionError.self) { try await env.client.modelInfo("nope") }
        }
    }

    @Test func unreachablePlatformIsATransportError() async throws {
        let client = ProvisionClient(url: "http://127.0.0.1:1", auth: .token("x"))
        do {
            _ = try await client.modelList()
            Issue.record("a request to a closed port answered")
        } catch let error as OnePError {
            #expect(error.isTransportFailure)
        }
        try await client.shutdown()
    }
}
