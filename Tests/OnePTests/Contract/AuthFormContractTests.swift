import OnePJSON
import Testing

/// clients.md "Auth forms": the auth objects clients send and what each lets the caller do.
@Suite struct AuthFormContractTests {
    @Test func cikAloneActsAsThatClient() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            #expect(try await env.ok("lookup", ["alias", ""], auth: ["cik": .string(device.cik)]) == .string(device.rid))
        }
    }

    @Test func cikWithClientIDActsAsThatDescendant() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let auth: JSON = ["cik": .string(env.rootCIK), "client_id": .string(device.rid)]
            #expect(try await env.ok("lookup", ["alias", ""], auth: auth) == .string(device.rid))
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer", "name": "p"]], auth: auth).stringValue)
            #expect(try await env.ok("listing", [["dataport"], [:]], auth: auth) == ["dataport": [.string(port)]])
        }
    }

    @Test func cikWithClientIDOutsideTheSubhierarchyIsRefused() async throws {
        try await ContractServer.run { env in
            let first = try await env.client("first")
            let second = try await env.client("second")
            let answer = try await env.send(
                [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]], auth: ["cik": .string(first.cik), "client_id": .string(second.rid)])
            #expect(answer["error"]?["code"] == 401)
        }
    }

    @Test func cikWithResourceIDActsAsTheOwnerOfThatResource() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let port = try #require(
                try await env.ok("create", ["dataport", ["format": "integer"]], auth: ["cik": .string(device.cik)]).stringValue)
            let auth: JSON = ["cik": .string(env.rootCIK), "resource_id": .string(port)]
            #expect(try await env.ok("lookup", ["alias", ""], auth: auth) == .string(device.rid))
        }
    }

    @Test func tokenFromGrantActsOnTheGrantedResources() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            let deviceAuth: JSON = ["cik": .string(device.cik)]
            let port = try #require(try await env.ok("create", ["dataport", ["format": "integer"]], auth: deviceAuth).stringValue)
            _ = try await env.ok("map", ["alias", .string(port), "temp"], auth: deviceAuth)
            _ = try await env.ok("write", [.string(port), 3], auth: deviceAuth)
            let token = try #require(
                try await env.ok("grant", [.string(device.rid), .object(JSONObject([(device.rid, ["read", "info"] as JSON)])), ["ttl": 3600]])
                    .stringValue)
            #expect(token.count == 40)
            #expect(try await env.read(["alias": "temp"], auth: ["token": .string(token)]) == [[1_700_000_000, 3]])
            let asClient: JSON = ["token": .string(token), "client_id": .string(device.rid)]
            #expect(try await env.read(["alias": "temp"], auth: asClient) == [[1_700_000_000, 3]])
            #expect(try await env.status("write", [["alias": "temp"], 4], auth: ["token": .string(token)]) == "noauth")
        }
    }

    @Test func aLockedClientAnswersEveryCallLocked() async throws {
        try await ContractServer.run { env in
            let device = try await env.client("device")
            _ = try await env.ok("update", [.string(device.rid), ["locked": true]])
            let answer = try await env.send(
                [
                    ["id": 1, "procedure": "info", "arguments": [["alias": ""], [:]]],
                    ["id": 2, "procedure": "listing", "arguments": [["dataport"], [:]]],
                    ["id": 3, "procedure": "create", "arguments": ["dataport", ["format": "float"]]],
                ], auth: ["cik": .string(device.cik)])
            #expect(answer == [["id": 1, "status": "locked"], ["id": 2, "status": "locked"], ["id": 3, "status": "locked"]])
        }
    }
}
