import OnePJSON
import OnePlatform
import Testing

@Suite("Move")
struct MoveTests {
    private func children(_ platform: TestPlatform, _ client: String, _ type: String = "dataport") async throws -> JSON? {
        try await platform.ok("listing", [.string(client), [.string(type)], [:]])[type]
    }

    @Test func aResourceMovesWithItsSubtreeAndPoints() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let gateway = try await platform.client(auth: first.auth)
        let port = try await platform.dataport("integer", auth: gateway.auth)
        try await platform.ok("write", [.string(port), 1], auth: gateway.auth)
        try await platform.ok("move", [.string(gateway.rid), .string(second.rid), ["aliases": true]])
        #expect(try await children(platform, second.rid, "client") == [.string(gateway.rid)])
        #expect(try await children(platform, first.rid, "client") == [])
        #expect(try await platform.ok("lookup", ["owner", .string(gateway.rid)]) == .string(second.rid))
        #expect(try await platform.ok("read", [.string(port), [:]], auth: second.auth).arrayValue?.count == 1)
        #expect(try await platform.status("read", [.string(port), [:]], auth: first.auth) == "restricted")
    }

    @Test func aliasesFollowTheResourceByDefault() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let port = try await platform.dataport("float", alias: "temp", auth: first.auth)
        try await platform.ok("move", [.string(port), .string(second.rid)])
        #expect(try await platform.status("lookup", ["alias", "temp"], auth: first.auth) == "invalid")
        #expect(try await platform.ok("lookup", ["alias", "temp"], auth: second.auth) == .string(port))
    }

    @Test func aliasesFalseDropsTheAliasesThatNoLongerReach() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let port = try await platform.dataport("float", alias: "temp", auth: first.auth)
        try await platform.ok("map", ["alias", .string(port), "rooted"])
        try await platform.ok("move", [.string(port), .string(second.rid), ["aliases": false]])
        #expect(try await platform.status("lookup", ["alias", "temp"], auth: first.auth) == "invalid")
        #expect(try await platform.status("lookup", ["alias", "temp"], auth: second.auth) == "invalid")
        // The root still reaches the resource, so its alias stays.
        #expect(try await platform.ok("lookup", ["alias", "rooted"]) == .string(port))
    }

    @Test func theCallerCanNameItselfAsTheDestination() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let gateway = try await platform.client(auth: device.auth)
        let port = try await platform.dataport("float", auth: gateway.auth)
        try await platform.ok("move", [.string(port), .string(device.rid)], auth: device.auth)
        #expect(try await children(platform, device.rid) == [.string(port)])
    }

    @Test func impossibleMovesAnswerTheirStatusAndChangeNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let gateway = try await platform.client(auth: device.auth)
        let other = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        #expect(try await platform.status("move", [["alias": ""], .string(other.rid)], auth: device.auth) == "restricted")
        #expect(try await platform.status("move", [.string(device.rid), .string(device.rid)]) == "invalid")
        #expect(try await platform.status("move", [.string(device.rid), .string(gateway.rid)]) == "invalid")
        #expect(try await platform.status("move", [.string(gateway.rid), .string(port)]) == "invalid")
        #expect(try await platform.status("move", [.string(port), .string(other.rid)], auth: device.auth) == "restricted")
        #expect(try await platform.status("move", [.string(port), .string(other.rid), ["aliases": "yes"]]) == "invalid")
        #expect(try await platform.call("move", [.string(port)])["error"]?["code"] == 501)
        #expect(try await platform.call("move", [.string(port), .string(other.rid), "aliases"])["error"]?["code"] == 501)
        #expect(try await children(platform, device.rid) == [.string(port)])
        #expect(try await children(platform, device.rid, "client") == [.string(gateway.rid)])
    }
}
