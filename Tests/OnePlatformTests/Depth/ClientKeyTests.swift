import OnePJSON
import OnePlatform
import Testing

@Suite("Client keys, status and public resources")
struct ClientKeyTests {
    private func cik(_ client: (rid: String, auth: JSON)) throws -> String {
        try #require(client.auth["cik"]?.stringValue)
    }

    private func status(_ platform: TestPlatform, _ rid: String) async throws -> JSON? {
        try await platform.ok("info", [.string(rid), ["basic": true]])["basic"]?["status"]
    }

    private func rejects(_ platform: TestPlatform, _ auth: JSON) async throws -> Bool {
        let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]]])
        return answer?["error"]?["code"] == 401
    }

    @Test func revokeMakesANewKeyThatTheOwnerActivates() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let old = try cik(device)
        try await platform.ok("revoke", ["client", .string(old)])
        #expect(try await rejects(platform, device.auth))
        let new = try #require(try await platform.ok("info", [.string(device.rid), ["key": true]])["key"]?.stringValue)
        #expect(new != old && new.count == 40)
        #expect(try await status(platform, device.rid) == "notactivated")
        #expect(try await rejects(platform, ["cik": .string(new)]))
        try await platform.ok("activate", ["client", .string(new)])
        #expect(try await status(platform, device.rid) == "activated")
        #expect(try await platform.ok("lookup", ["alias", ""], auth: ["cik": .string(new)]) == .string(device.rid))
        #expect(try await platform.status("activate", ["client", .string(new)]) == "invalid")
    }

    @Test func threeArgumentFormsActUnderTheNamedClient() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let root = platform.platform.bootstrap.rootRID
        try await platform.ok("revoke", [.string(root), "client", .string(try cik(device))])
        let new = try #require(try await platform.ok("info", [.string(device.rid), ["key": true]])["key"]?.stringValue)
        try await platform.ok("activate", [.string(root), "client", .string(new)])
        try await platform.ok("deactivate", [.string(root), "client", .string(new)])
        #expect(try await status(platform, device.rid) == "expired")
    }

    @Test func deactivateExpiresTheKeyForGood() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        try await platform.ok("deactivate", ["client", .string(try cik(device))])
        #expect(try await status(platform, device.rid) == "expired")
        #expect(try await rejects(platform, device.auth))
        #expect(try await platform.status("activate", ["client", .string(try cik(device))]) == "invalid")
    }

    @Test func onlyClientsAboveMayChangeAKey() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let key = try cik(second)
        #expect(try await platform.status("revoke", ["client", .string(key)], auth: first.auth) == "noauth")
        #expect(try await platform.status("deactivate", ["client", .string(key)], auth: first.auth) == "noauth")
        #expect(try await platform.status("revoke", ["client", .string(try cik(first))], auth: first.auth) == "noauth")
        #expect(try await platform.status("revoke", ["client", "0123456789012345678901234567890123456789"]) == "invalid")
        #expect(try await platform.status("activate", ["client", "short"]) == "invalid")
        #expect(try await platform.call("revoke", ["client", 42])["error"]?["code"] == 501)
        #expect(try await platform.call("revoke", ["cik", .string(key)])["error"]?["code"] == 501)
        #expect(try await platform.call("revoke", [])["error"]?["code"] == 501)
        #expect(try await status(platform, second.rid) == "activated")
        #expect(try await platform.ok("lookup", ["alias", ""], auth: second.auth) == .string(second.rid))
    }

    @Test func lockedClientAnswersLockedToDepthProcedures() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        try await platform.ok("update", [.string(device.rid), ["locked": true]])
        let calls: [(String, [JSON])] = [
            ("share", [.string(port), [:]]), ("tag", [.string(port), "add", "x"]), ("usage", [["alias": ""], "dataport", 0, 1]),
        ]
        for (procedure, arguments) in calls {
            #expect(try await platform.status(procedure, arguments, auth: device.auth) == "locked")
        }
        #expect(try await status(platform, device.rid) == "locked")
    }

    @Test func publicResourcesAreReadableByAnyone() async throws {
        let platform = try TestPlatform.inMemory()
        let open = try await platform.dataport("integer", extra: ["public": true])
        let closed = try await platform.dataport("integer")
        try await platform.ok("write", [.string(open), 7])
        let stranger = try await platform.client()
        #expect(try await platform.ok("read", [.string(open), [:]], auth: stranger.auth).arrayValue?.count == 1)
        // Describing a resource is for its owners (clients.md, info): public opens reads only.
        #expect(try await platform.status("info", [.string(open), ["description": true]], auth: stranger.auth) == "restricted")
        #expect(try await platform.status("write", [.string(open), 8], auth: stranger.auth) == "restricted")
        #expect(try await platform.status("read", [.string(closed), [:]], auth: stranger.auth) == "restricted")
        let listing = try await platform.ok("listing", [["dataport"], ["public": true]], auth: stranger.auth)
        #expect(listing == ["dataport": [.string(open)]])
    }
}
