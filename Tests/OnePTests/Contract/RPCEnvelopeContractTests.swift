import OnePJSON
import Testing

/// clients.md "RPC envelope": the shape of answers and failures that pyonep and exoline parse.
@Suite struct RPCEnvelopeContractTests {
    @Test func aNormalAnswerIsAListWithOneEntryPerCallWithAnID() async throws {
        try await ContractServer.run { env in
            let answer = try await env.send([
                ["id": 1, "procedure": "info", "arguments": [["alias": ""], ["basic": true]]],
                ["procedure": "info", "arguments": [["alias": ""], ["basic": true]]],
                ["id": 3, "procedure": "listing", "arguments": [["dataport"], [:]]],
            ])
            #expect(answer.arrayValue?.count == 2)
            #expect(answer[0]?["id"] == 1)
            #expect(answer[1]?["id"] == 3)
        }
    }

    @Test(arguments: ["0123456789012345678901234567890123456789", "unknown", ""])
    func anUnknownCIKIsARequestLevel401(cik: String) async throws {
        try await ContractServer.run { env in
            let answer = try await env.rpc(#"{"auth":{"cik":"\#(cik)"},"calls":[{"id":1,"procedure":"info","arguments":[{"alias":""},{}]}]}"#)
            #expect(answer["error"]?["code"] == 401)
            #expect(answer["error"]?["message"]?.stringValue != nil)
            #expect(answer["error"]?["context"]?.stringValue != nil)
        }
    }

    @Test func aDroppedClientsCIKIsARequestLevel401() async throws {
        try await ContractServer.run { env in
            let child = try await env.client("gone")
            _ = try await env.ok("drop", [.string(child.rid)])
            let answer = try await env.send([["id": 1, "procedure": "info", "arguments": [["alias": ""], [:]]]], auth: ["cik": .string(child.cik)])
            #expect(answer["error"]?["code"] == 401)
        }
    }

    @Test func aNotYetActivatedCloneCIKIsARequestLevel401() async throws {
        try await ContractServer.run { env in
            let template = try await env.client("template")
            let copy = try #require(try await env.ok("create", ["clone", ["rid": .string(template.rid)]]).stringValue)
            let key = try #require(try await env.ok("info", [.string(copy), ["key": true]])["key"]?.stringValue)
            let answer = try await env.send([["id": 1, "procedure": "info", "arguments": [["alias": ""], [:]]]], auth: ["cik": .string(key)])
            #expect(answer["error"]?["code"] == 401)
        }
    }

    @Test func aRevokedCIKIsARequestLevel401() async throws {
        try await ContractServer.run { env in
            let child = try await env.client("revoked")
            _ = try await env.ok("revoke", ["client", .string(child.cik)])
            let answer = try await env.send([["id": 1, "procedure": "info", "arguments": [["alias": ""], [:]]]], auth: ["cik": .string(child.cik)])
            #expect(answer["error"]?["code"] == 401)
        }
    }

    @Test func callsWithoutIDsRunAndAnswerAnEmptyBody() async throws {
        try await ContractServer.run { env in
            let rid = try await env.dataport("quiet")
            let response = try await env.post(
                #"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"procedure":"write","arguments":[{"alias":"quiet"},1.5]}]}"#)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(try await env.read(.string(rid)) == [[1_700_000_000, 1.5]])
        }
    }

    @Test(arguments: ["a", "0123456789012345678901234567890123456789", "mixed-ID_with.punctuation and spaces"])
    func stringIDsUpToFortyCharactersAreEchoedUnchanged(id: String) async throws {
        try await ContractServer.run { env in
            let answer = try await env.send([["id": .string(id), "procedure": "info", "arguments": [["alias": ""], ["basic": true]]]])
            #expect(answer[0]?["id"] == .string(id))
            #expect(answer[0]?["status"] == "ok")
        }
    }

    @Test func anIDLongerThanFortyCharactersIsARequestError() async throws {
        try await ContractServer.run { env in
            let id = String(repeating: "x", count: 41)
            let answer = try await env.send([["id": .string(id), "procedure": "info", "arguments": [["alias": ""], ["basic": true]]]])
            #expect(answer["error"]?["code"] == 400)
            #expect(answer["error"]?["context"] == "calls")
        }
    }

    @Test func anEmptyCallListAnswersAnEmptyBody() async throws {
        try await ContractServer.run { env in
            let response = try await env.post(#"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[]}"#)
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
        }
    }

    @Test(arguments: [0, 7, 123_456_789])
    func numericIDsAreEchoedUnchanged(id: Int) async throws {
        try await ContractServer.run { env in
            let answer = try await env.rpc(
                #"{"auth":{"cik":"\#(env.rootCIK)"},"calls":[{"id":\#(id),"procedure":"info","arguments":[{"alias":""},{"basic":true}]}]}"#)
            #expect(answer[0]?["id"] == .int(id))
        }
    }

    @Test func aFailedCallAnswersItsIDAndStatusOnly() async throws {
        try await ContractServer.run { env in
            let entry = try await env.call("info", [["alias": "nothing-here"], [:]])
            #expect(entry == ["id": 1, "status": "invalid"])
        }
    }

    @Test func argumentsThatDoNotFitAnswerFail501WithContextArguments() async throws {
        try await ContractServer.run { env in
            let entry = try await env.call("read", ["not", "the", "right", "shape", 1])
            #expect(entry["status"] == "fail")
            #expect(entry["error"]?["code"] == 501)
            #expect(entry["error"]?["context"] == "arguments")
            #expect(entry["error"]?["message"]?.stringValue != nil)
        }
    }

    @Test func statusesInUseAreTheDocumentedWords() async throws {
        try await ContractServer.run { env in
            let rid = try await env.dataport("taken", format: "integer")
            #expect(try await env.status("map", ["alias", .string(rid), "taken"]) == "inuse")
            #expect(try await env.status("write", [.string(rid), "not a number"]) == "invalid")
            #expect(try await env.status("lookup", ["alias", "missing"]) == "invalid")
            #expect(try await env.status("lookup", ["shared", "ffffffffffffffffffffffffffffffffffffffff"]) == "notfound")
            let stranger = try await env.client("stranger")
            #expect(try await env.status("info", [.string(env.rootRID), [:]], auth: ["cik": .string(stranger.cik)]) == "restricted")
            let bare = try #require(try await env.ok("create", ["client", ["name": "bare"]]).stringValue)
            let bareKey = try #require(try await env.ok("info", [.string(bare), ["key": true]])["key"]?.stringValue)
            #expect(try await env.status("create", ["dataport", ["format": "float"]], auth: ["cik": .string(bareKey)]) == "limit")
            let token = try #require(
                try await env.ok("grant", [.string(rid), .object(JSONObject([(rid, ["read"] as JSON)])), ["ttl": 60]]).stringValue)
            #expect(try await env.status("write", [.string(rid), 1], auth: ["token": .string(token)]) == "noauth")
            let unknownType = try await env.call("listing", [["dataport", "gizmo"], [:]])
            #expect(unknownType["status"] == "error")
        }
    }

    @Test func recordbatchWithBadPointsListsEachTimestampAsInvalid() async throws {
        try await ContractServer.run { env in
            let rid = try await env.dataport("numbers", format: "integer")
            let entry = try await env.call(
                "recordbatch", [.string(rid), [[1_600_000_000, "not a number"], [1_600_000_001, 5], [1_600_000_002, "x"]]])
            #expect(entry["status"] == [[1_600_000_000, "invalid"], [1_600_000_002, "invalid"]])
        }
    }
}
