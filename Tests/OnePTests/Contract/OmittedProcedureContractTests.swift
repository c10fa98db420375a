import OnePJSON
import Testing

/// clients.md "Procedures the documents omit": grant, tag and comment as old clients call them.
@Suite struct OmittedProcedureContractTests {
    @Test func grantAnswersAFortyCharacterTokenLimitedToItsProceduresAndResources() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let deviceAuth: JSON = ["cik": .string(device.cik)]
            let granted = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: deviceAuth).stringValue)
            let other = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: deviceAuth).stringValue)
            _ = try await env.ok("map", ["alias", .string(granted), "temp"], auth: deviceAuth)
            let token = try #require(
                try await env.ok("grant", [.string(device.rid), .object(JSONObject([(granted, ["read", "write"] as JSON)])), ["ttl": 60]]).stringValue
            )
            #expect(token.count == 40)
            let tokenAuth: JSON = ["token": .string(token), "client_id": .string(device.rid)]
            _ = try await env.ok("write", [["alias": "temp"], 7], auth: tokenAuth)
            #expect(try await env.read(.string(granted), auth: tokenAuth) == [[1_700_000_000, 7]])
            #expect(try await env.status("info", [.string(granted), [:]], auth: tokenAuth) == "noauth")
            #expect(try await env.status("read", [.string(other), [:]], auth: tokenAuth) == "noauth")
        }
    }

    @Test func grantAcceptsAnyProcedureNameInThePermissionList() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let permissions: JSON = .object(JSONObject([(port, ["read", "frobnicate", "listing", "made-up"] as JSON)]))
            let token = try await env.ok("grant", [.string(port), permissions, ["ttl": 60]])
            #expect(token.stringValue?.count == 40)
        }
    }

    @Test func grantTokensExpireAfterTheirTTL() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let token = try #require(
                try await env.ok("grant", [.string(port), .object(JSONObject([(port, ["read"] as JSON)])), ["ttl": 10]]).stringValue)
            #expect(try await env.status("read", [.string(port), [:]], auth: ["token": .string(token)]) == "ok")
            env.clock.advance(by: 11)
            let answer = try await env.send([["id": 1, "procedure": "read", "arguments": [.string(port), [:]]]], auth: ["token": .string(token)])
            #expect(answer["error"]?["code"] == 401)
        }
    }

    @Test func tagsFeedInfoAndListing() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let deviceAuth: JSON = ["cik": .string(device.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: deviceAuth).stringValue)
            _ = try await env.ok("tag", [.string(port), "add", "kitchen"], auth: deviceAuth)
            _ = try await env.ok("tag", [.string(port), "add", "floor1"], auth: deviceAuth)
            #expect(try await env.ok("info", [.string(port), ["tags": true]], auth: deviceAuth)["tags"]?.arrayValue?.count == 2)
            let tagged = try await env.ok("info", [["alias": ""], ["tagged": true]], auth: deviceAuth)["tagged"]
            #expect(tagged?.arrayValue?.isEmpty == false, "tagged answered \(tagged?.serialized(pretty: false) ?? "nothing")")
            #expect(try await env.ok("listing", [["dataport"], ["tagged": ["kitchen"]]], auth: deviceAuth) == ["dataport": [.string(port)]])
            _ = try await env.ok("tag", [.string(port), "remove", "kitchen"], auth: deviceAuth)
            #expect(try await env.ok("listing", [["dataport"], ["tagged": ["kitchen"]]], auth: deviceAuth) == ["dataport": []])
            #expect(try await env.ok("info", [.string(port), ["tags": true]], auth: deviceAuth)["tags"] == ["floor1"])
        }
    }

    @Test func commentsAnswerVisibilityAndTextPairs() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let unit = #"{"unit":"°F"}"#
            _ = try await env.ok("comment", [.string(port), "public", .string(unit)])
            _ = try await env.ok("comment", [.string(port), "private", "installer note"])
            let comments = try await env.ok("info", [.string(port), ["comments": true]])["comments"]
            #expect(comments == [["public", .string(unit)], ["private", "installer note"]])
        }
    }

    @Test func commentWithAnUnknownVisibilityIsRefused() async throws {
        try await ContractServer.run { env in
            let port = try await env.dataport("temp")
            let entry = try await env.call("comment", [.string(port), "secret", "x"])
            #expect(entry == ["id": 1, "status": "invalid"])
        }
    }
}
