import OnePJSON
import OnePlatform
import Testing

@Suite("Auth forms")
struct AuthTests {
    @Test func clientIDActsAsThatDescendant() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let grandchild = try await platform.client(auth: child.auth)
        let auth: JSON = ["cik": .string(platform.platform.bootstrap.rootCIK), "client_id": .string(grandchild.rid)]
        #expect(try await platform.ok("lookup", ["alias", ""], auth: auth) == .string(grandchild.rid))
        let port = try await platform.dataport("float", alias: "here", auth: auth)
        #expect(try await platform.ok("listing", [["dataport"]], auth: grandchild.auth) == [[.string(port)]])
    }

    @Test func resourceIDActsAsTheOwnerOfThatResource() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        let port = try await platform.dataport("float", alias: "p", auth: child.auth)
        let auth: JSON = ["cik": .string(platform.platform.bootstrap.rootCIK), "resource_id": .string(port)]
        #expect(try await platform.ok("lookup", ["alias", ""], auth: auth) == .string(child.rid))
        #expect(try await platform.ok("lookup", ["alias", "p"], auth: auth) == .string(port))
    }

    @Test func actingOutsideTheKeysSubhierarchyAnswers401() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let cik = try #require(first.auth["cik"])
        for auth: JSON in [
            ["cik": cik, "client_id": .string(second.rid)],
            ["cik": cik, "client_id": .string(platform.platform.bootstrap.rootRID)],
            ["cik": cik, "resource_id": .string(first.rid)],
            ["cik": cik, "client_id": "nonsense"],
        ] {
            let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]]])
            #expect(answer?["error"]?["code"] == 401, "\(auth)")
        }
    }

    @Test func clientIDMustNameAClient() async throws {
        let platform = try TestPlatform.inMemory()
        let port = try await platform.dataport("float")
        let answer = try await platform.send([
            "auth": ["cik": .string(platform.platform.bootstrap.rootCIK), "client_id": .string(port)], "calls": [],
        ])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func droppedClientsCIKAnswers401() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client()
        try await platform.ok("drop", [.string(child.rid)])
        let answer = try await platform.send(["auth": child.auth, "calls": [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]]])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func lockedClientAnswersLockedToEveryCall() async throws {
        let platform = try TestPlatform.inMemory()
        let child = try await platform.client(["locked": true])
        let answers = try await platform.calls([("lookup", ["alias", ""]), ("listing", [["dataport"]]), ("nonsense", [])], auth: child.auth)
        #expect(answers.map { $0["status"] } == ["locked", "locked", "locked"])
        try await platform.ok("update", [.string(child.rid), ["locked": false]])
        #expect(try await platform.status("lookup", ["alias", ""], auth: child.auth) == "ok")
    }

    @Test func ciksAreCaseInsensitive() async throws {
        let platform = try TestPlatform.inMemory()
        let auth: JSON = ["cik": .string(platform.platform.bootstrap.rootCIK.uppercased())]
        #expect(try await platform.status("lookup", ["alias", ""], auth: auth) == "ok")
    }
}
