import OnePJSON
import OnePlatform
import Testing

/// A move charges the destination (and, through `"inherit"`, its owners) for what moves.
@Suite("Move within limits")
struct MoveLimitTests {
    private func children(_ platform: TestPlatform, _ client: String, _ type: String = "dataport") async throws -> JSON? {
        try await platform.ok("listing", [.string(client), [.string(type)], [:]])[type]
    }

    @Test func aDataportIntoAFullClientAnswersLimitAndStaysWithItsAlias() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.client()
        let full = try await platform.client(["limits": ["dataport": 1]])
        let resident = try await platform.dataport("integer", auth: full.auth)
        let port = try await platform.dataport("integer", alias: "temp", auth: source.auth)
        #expect(try await platform.status("move", [.string(port), .string(full.rid)]) == "limit")
        #expect(try await children(platform, source.rid) == [.string(port)])
        #expect(try await children(platform, full.rid) == [.string(resident)])
        #expect(try await platform.ok("lookup", ["alias", "temp"], auth: source.auth) == .string(port))
        #expect(try await platform.ok("lookup", ["owner", .string(port)]) == .string(source.rid))
    }

    @Test func aClientCostsItsOwnLimitsAndOneClient() async throws {
        let platform = try TestPlatform.inMemory()
        let gateway = try await platform.client(["limits": ["dataport": 3]])
        let small = try await platform.client(["limits": ["client": 1, "dataport": 2]])
        let roomy = try await platform.client(["limits": ["client": 1, "dataport": 3]])
        #expect(try await platform.status("move", [.string(gateway.rid), .string(small.rid)]) == "limit")
        #expect(try await children(platform, small.rid, "client") == [])
        try await platform.ok("move", [.string(gateway.rid), .string(roomy.rid)])
        #expect(try await children(platform, roomy.rid, "client") == [.string(gateway.rid)])
        // The room is now taken: a second client does not fit.
        let another = try await platform.client(["limits": ["dataport": 0]])
        #expect(try await platform.status("move", [.string(another.rid), .string(roomy.rid)]) == "limit")
    }

    @Test func anInheritingSubtreeCostsWhatItHolds() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        _ = try await platform.dataport("integer", auth: device.auth)
        _ = try await platform.dataport("integer", auth: device.auth)
        let one = try await platform.client(["limits": ["client": 1, "dataport": 1]])
        let two = try await platform.client(["limits": ["client": 1, "dataport": 2]])
        #expect(try await platform.status("move", [.string(device.rid), .string(one.rid)]) == "limit")
        try await platform.ok("move", [.string(device.rid), .string(two.rid)])
        #expect(try await platform.ok("lookup", ["owner", .string(device.rid)]) == .string(two.rid))
    }

    @Test func anInheritingDestinationDrawsOnItsOwner() async throws {
        let platform = try TestPlatform.inMemory()
        let owner = try await platform.client(["limits": ["client": 1, "dataport": 1]])
        let inheriting = try await platform.client(auth: owner.auth)
        _ = try await platform.dataport("integer", auth: owner.auth)
        let port = try await platform.dataport("integer")
        #expect(try await platform.status("move", [.string(port), .string(inheriting.rid)]) == "limit")
        #expect(try await children(platform, inheriting.rid) == [])
    }

    @Test func movingBetweenClientsThatShareAFullOwnerFits() async throws {
        let platform = try TestPlatform.inMemory()
        let owner = try await platform.client(["limits": ["client": 2, "dataport": 1]])
        let left = try await platform.client(auth: owner.auth)
        let right = try await platform.client(auth: owner.auth)
        let port = try await platform.dataport("integer", auth: left.auth)
        // The owner pays for the dataport wherever it sits below it.
        try await platform.ok("move", [.string(port), .string(right.rid)], auth: owner.auth)
        #expect(try await children(platform, right.rid) == [.string(port)])
    }
}
