import OnePJSON
import OnePlatform
import Testing

@Suite("Client limits")
struct LimitTests {
    private func section(_ platform: TestPlatform, _ rid: String, _ name: String) async throws -> JSON? {
        try await platform.ok("info", [.string(rid), [name: true]])[name]
    }

    @Test func aClientCreatedWithoutLimitsMayOwnNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let rid = try #require(try await platform.ok("create", ["client", [:]]).stringValue)
        let cik = try #require(try await platform.ok("info", [.string(rid), ["key": true]])["key"])
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: ["cik": cik]) == "limit")
        #expect(try await platform.status("create", [.string(rid), "dataport", ["format": "float"]]) == "limit")
        #expect(try await platform.status("create", ["client", [:]], auth: ["cik": cik]) == "limit")
        #expect(try await platform.ok("listing", [.string(rid), ["client", "dataport"], [:]]) == ["client": [], "dataport": []])
    }

    @Test func theRootMayCreateWithoutBound() async throws {
        let platform = try TestPlatform.inMemory()
        for _ in 0..<5 { try await platform.dataport("float") }
        try await platform.ok("create", ["client", ["limits": ["dataport": 1000, "client": 1000]]])
        let usage = try await section(platform, platform.platform.bootstrap.rootRID, "usage")
        #expect(usage?["dataport"] == 1005)
        #expect(usage?["client"] == 1001)
    }

    @Test func aNumberCapsWhatTheClientOwns() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": ["dataport": 2]])
        try await platform.dataport("float", auth: device.auth)
        try await platform.ok("create", [.string(device.rid), "dataport", ["format": "float"]])
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: device.auth) == "limit")
        #expect(
            try await platform.status(
                "create", ["datarule", ["format": "float", "rule": ["simple": ["comparison": "gt", "constant": 0]]]], auth: device.auth) == "limit")
        #expect(try await section(platform, device.rid, "counts")?["dataport"] == 2)
    }

    @Test func inheritDrawsOnTheOwnersLimit() async throws {
        let platform = try TestPlatform.inMemory()
        let parent = try await platform.client(["limits": ["dataport": 3, "client": 1]])
        let child = try await platform.client(auth: parent.auth)
        for _ in 0..<2 { try await platform.dataport("float", auth: child.auth) }
        try await platform.dataport("float", auth: parent.auth)
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: child.auth) == "limit")
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: parent.auth) == "limit")
        #expect(try await platform.status("create", ["client", ["limits": ["client": "inherit"]]], auth: parent.auth) == "limit")
        let counts = try await section(platform, parent.rid, "counts")
        let usage = try await section(platform, parent.rid, "usage")
        #expect(counts?["dataport"] == 1 && counts?["client"] == 1)
        #expect(usage?["dataport"] == 3 && usage?["client"] == 1)
    }

    @Test func aNumberHandedDownIsUsedByTheOwner() async throws {
        let platform = try TestPlatform.inMemory()
        let parent = try await platform.client(["limits": ["dataport": 5, "client": 2]])
        #expect(try await platform.status("create", ["client", ["limits": ["dataport": 6]]], auth: parent.auth) == "limit")
        let child = try await platform.client(["limits": ["dataport": 3]], auth: parent.auth)
        #expect(try await section(platform, parent.rid, "usage")?["dataport"] == 3)
        try await platform.dataport("float", auth: parent.auth)
        try await platform.dataport("float", auth: parent.auth)
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: parent.auth) == "limit")
        try await platform.dataport("float", auth: child.auth)
        #expect(try await section(platform, parent.rid, "usage")?["dataport"] == 5)
    }

    @Test func updateCannotLowerALimitBelowUseNorRaiseItPastTheOwner() async throws {
        let platform = try TestPlatform.inMemory()
        let parent = try await platform.client(["limits": ["dataport": 4, "client": 1]])
        let child = try await platform.client(["limits": ["dataport": 2]], auth: parent.auth)
        try await platform.dataport("float", auth: child.auth)
        try await platform.dataport("float", auth: child.auth)
        #expect(try await platform.status("update", [.string(child.rid), ["limits": ["dataport": 1]]], auth: parent.auth) == "limit")
        #expect(try await platform.status("update", [.string(child.rid), ["limits": ["dataport": 5]]], auth: parent.auth) == "limit")
        #expect(try await section(platform, child.rid, "description")?["limits"]?["dataport"] == 2)
        try await platform.ok("update", [.string(child.rid), ["limits": ["dataport": 4]]], auth: parent.auth)
        try await platform.ok("update", [.string(child.rid), ["limits": ["dataport": "inherit"]]], auth: parent.auth)
        #expect(try await section(platform, parent.rid, "usage")?["dataport"] == 2)
        try await platform.ok("update", [.string(parent.rid), ["limits": ["dataport": 2]]])
        #expect(try await platform.status("update", [.string(parent.rid), ["limits": ["dataport": 1]]]) == "limit")
    }

    @Test func droppingFreesRoom() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": ["dispatch": 1]])
        let description: JSON = ["method": "email", "recipient": "a@example.com"]
        let dispatch = try #require(try await platform.ok("create", ["dispatch", description], auth: device.auth).stringValue)
        #expect(try await platform.status("create", ["dispatch", description], auth: device.auth) == "limit")
        try await platform.ok("drop", [.string(dispatch)], auth: device.auth)
        try await platform.ok("create", ["dispatch", description], auth: device.auth)
    }
}
