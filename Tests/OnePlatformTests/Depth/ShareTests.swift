import OnePJSON
import OnePlatform
import Testing

@Suite("Shares")
struct ShareTests {
    /// Root's integer dataport holding 5, a code for it, and a friend client.
    private func sharedPort(_ platform: TestPlatform) async throws -> (rid: String, code: String, friend: (rid: String, auth: JSON)) {
        let rid = try await platform.dataport("integer")
        try await platform.ok("write", [.string(rid), 5])
        let code = try #require(try await platform.ok("share", [.string(rid), ["meta": "for friend"]]).stringValue)
        return (rid, code, try await platform.client())
    }

    @Test func activatorReadsButDoesNotWrite() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        #expect(code.count == 40 && code.allSatisfy(\.isHexDigit))
        #expect(try await platform.status("read", [.string(rid), [:]], auth: friend.auth) == "restricted")
        try await platform.ok("activate", ["share", .string(code)], auth: friend.auth)
        #expect(try await platform.ok("read", [.string(rid), [:]], auth: friend.auth) == [[.int(Int(TestPlatform.start)), 5]])
        #expect(try await platform.status("write", [.string(rid), 6], auth: friend.auth) == "restricted")
        #expect(try await platform.status("drop", [.string(rid)], auth: friend.auth) == "restricted")
        let listing = try await platform.ok("listing", [["dataport"], ["activated": true]], auth: friend.auth)
        #expect(listing == ["dataport": [.string(rid)]])
        #expect(try await platform.ok("listing", [["dataport"], [:]], auth: friend.auth) == ["dataport": []])
    }

    /// clients.md gives `info` (but its key) to ancestors only, and `listing`, `usage` and
    /// `lookup` under a client are its owners' too: an activator reads, and nothing more.
    @Test func activatorReadsButDoesNotDescribeListOrCount() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["name": "device", "meta": "private notes"])
        let port = try await platform.dataport("integer", alias: "temp", auth: device.auth)
        try await platform.ok("write", [.string(port), 4], auth: device.auth)
        let friend = try await platform.client()
        for shared in [port, device.rid] {
            let code = try #require(try await platform.ok("share", [.string(shared), [:]], auth: device.auth).stringValue)
            try await platform.ok("activate", ["share", .string(code)], auth: friend.auth)
        }
        #expect(try await platform.ok("read", [.string(port), [:]], auth: friend.auth) == [[.int(Int(TestPlatform.start)), 4]])
        #expect(try await platform.status("wait", [.string(port), ["since": 0]], auth: friend.auth) == "ok")
        for (procedure, arguments) in [
            ("info", [JSON.string(port), [:]]),
            ("info", [.string(device.rid), ["description": true]]),
            ("info", [.string(device.rid), ["usage": true]]),
            ("listing", [.string(device.rid), ["dataport"], [:]]),
            ("usage", [.string(device.rid), "dataport", 0, 10]),
            ("lookup", [.string(device.rid), "alias", "temp"]),
            ("lookup", ["owner", .string(port)]),
        ] {
            #expect(try await platform.status(procedure, arguments, auth: friend.auth) == "restricted", "\(procedure) \(arguments)")
        }
        // What the activator holds is its own to list.
        #expect(try await platform.ok("listing", [["dataport"], ["activated": true]], auth: friend.auth) == ["dataport": [.string(port)]])
    }

    @Test func infoListsSharesWithTheirActivator() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        let before = try await platform.ok("info", [.string(rid), ["shares": true]])
        #expect(before == ["shares": [["activator": nil, "code": .string(code), "meta": "for friend"]]])
        try await platform.ok("activate", [.string(friend.rid), "share", .string(code)])
        let after = try await platform.ok("info", [.string(rid), ["shares": true]])
        #expect(after == ["shares": [["activator": .string(friend.rid), "code": .string(code), "meta": "for friend"]]])
    }

    @Test func metaChangesByCodeInBothForms() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, _) = try await sharedPort(platform)
        #expect(try await platform.ok("share", [.string(rid), ["meta": "second", "code": .string(code)]]) == .string(code))
        #expect(try await platform.ok("info", [.string(rid), ["shares": true]])["shares"]?[0]?["meta"] == "second")
        #expect(try await platform.ok("share", [["share": .string(code), "meta": "third"]]) == .string(code))
        #expect(try await platform.ok("info", [.string(rid), ["shares": true]])["shares"]?[0]?["meta"] == "third")
        let other = try await platform.dataport("float")
        #expect(try await platform.status("share", [.string(other), ["meta": "x", "code": .string(code)]]) == "invalid")
        #expect(try await platform.status("share", [["share": "0000000000000000000000000000000000000000", "meta": "x"]]) == "invalid")
        #expect(try await platform.ok("info", [.string(rid), ["shares": true]])["shares"]?.arrayValue?.count == 1)
    }

    @Test func aCodeActivatesOnceAndOneShareEachPerResource() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        let stranger = try await platform.client()
        try await platform.ok("activate", ["share", .string(code)], auth: friend.auth)
        #expect(try await platform.status("activate", ["share", .string(code)], auth: stranger.auth) == "invalid")
        #expect(try await platform.status("activate", ["share", .string(code)], auth: friend.auth) == "invalid")
        let second = try #require(try await platform.ok("share", [.string(rid), [:]]).stringValue)
        #expect(try await platform.status("activate", ["share", .string(second)], auth: friend.auth) == "invalid")
        try await platform.ok("activate", ["share", .string(second)], auth: stranger.auth)
    }

    @Test func lookupSharedAnswersTheResource() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        #expect(try await platform.ok("lookup", ["shared", .string(code)], auth: friend.auth) == .string(rid))
        #expect(try await platform.ok("lookup", [.string(friend.rid), "shared", .string(code)]) == .string(rid))
        #expect(try await platform.status("lookup", ["shared", "ffffffffffffffffffffffffffffffffffffffff"]) == "notfound")
    }

    @Test func deactivateEndsAccessAndAllowsAnotherActivation() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        try await platform.ok("activate", ["share", .string(code)], auth: friend.auth)
        try await platform.ok("deactivate", ["share", .string(code)], auth: friend.auth)
        #expect(try await platform.status("read", [.string(rid), [:]], auth: friend.auth) == "restricted")
        #expect(try await platform.status("deactivate", ["share", .string(code)], auth: friend.auth) == "invalid")
        try await platform.ok("activate", [.string(friend.rid), "share", .string(code)])
        // The shared resource's RID names the share too.
        try await platform.ok("deactivate", [.string(friend.rid), "share", .string(rid)])
        #expect(try await platform.ok("info", [.string(rid), ["shares": true]])["shares"]?[0]?["activator"] == .null)
    }

    @Test func revokeEndsTheCodeForGood() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        try await platform.ok("activate", ["share", .string(code)], auth: friend.auth)
        #expect(try await platform.status("revoke", ["share", .string(code)], auth: friend.auth) == "noauth")
        try await platform.ok("revoke", ["share", .string(code)])
        #expect(try await platform.status("read", [.string(rid), [:]], auth: friend.auth) == "restricted")
        #expect(try await platform.status("revoke", ["share", .string(code)]) == "invalid")
        #expect(try await platform.status("lookup", ["shared", .string(code)]) == "notfound")
        #expect(try await platform.ok("info", [.string(rid), ["shares": true]]) == ["shares": []])
    }

    @Test func sharingCountsAgainstTheShareLimit() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": ["share": 1, "dataport": 1]])
        let port = try await platform.dataport("float", auth: device.auth)
        try await platform.ok("share", [.string(port), [:]], auth: device.auth)
        #expect(try await platform.status("share", [.string(port), [:]], auth: device.auth) == "limit")
        let counts = try await platform.ok("info", [.string(device.rid), ["counts": true]])["counts"]
        #expect(counts?["share"] == 1)
    }

    @Test func wrongInputAnswersItsStatusAndChangesNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let (rid, code, friend) = try await sharedPort(platform)
        #expect(try await platform.call("share", [.string(rid), "meta"])["error"]?["code"] == 501)
        #expect(try await platform.status("share", [.string(rid), ["meta": 5]]) == "invalid")
        #expect(try await platform.status("share", ["ffffffffffffffffffffffffffffffffffffffff", [:]]) == "restricted")
        #expect(try await platform.call("activate", ["bogus", .string(code)], auth: friend.auth)["error"]?["code"] == 501)
        #expect(try await platform.call("activate", ["share", 5], auth: friend.auth)["error"]?["code"] == 501)
        #expect(try await platform.call("activate", ["share"], auth: friend.auth)["error"]?["code"] == 501)
        #expect(try await platform.status("activate", ["share", "nonsense"], auth: friend.auth) == "invalid")
        #expect(try await platform.status("revoke", ["share", "nonsense"]) == "invalid")
        #expect(try await platform.status("deactivate", ["share", "nonsense"], auth: friend.auth) == "invalid")
        let shares = try await platform.ok("info", [.string(rid), ["shares": true]])
        #expect(shares == ["shares": [["activator": nil, "code": .string(code), "meta": "for friend"]]])
    }
}
