import OnePJSON
import OnePlatform
import Testing

@Suite("Usage")
struct UsageTests {
    private let start = Int(TestPlatform.start)

    private func usage(_ platform: TestPlatform, _ client: String, _ metric: String, _ from: Int, _ to: Int) async throws -> JSON {
        try await platform.ok("usage", [.string(client), .string(metric), .int(from), .int(to)])
    }

    @Test func entitiesIntegrateOverEachSecondOfTheWindow() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let first = try await platform.dataport("float", auth: device.auth)
        platform.clock.advance(by: 10)
        try await platform.dataport("float", auth: device.auth)
        platform.clock.advance(by: 5)
        try await platform.ok("drop", [.string(first)])
        platform.clock.advance(by: 5)
        // first lived [start, start+15), second [start+10, now=start+20).
        #expect(try await usage(platform, device.rid, "dataport", start, start + 20) == 25)
        #expect(try await usage(platform, device.rid, "dataport", start + 12, start + 18) == 9)
        #expect(try await usage(platform, device.rid, "dataport", start, start + 100) == 25)
        #expect(try await usage(platform, device.rid, "dataport", start - 50, start) == 0)
        #expect(try await usage(platform, device.rid, "datarule", start, start + 20) == 0)
    }

    @Test func theSubhierarchyCountsAndTheClientItselfDoesNot() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let gateway = try await platform.client(auth: device.auth)
        try await platform.dataport("integer", auth: gateway.auth)
        platform.clock.advance(by: 4)
        #expect(try await usage(platform, device.rid, "dataport", start, start + 4) == 4)
        #expect(try await usage(platform, device.rid, "client", start, start + 4) == 4)
        #expect(try await usage(platform, gateway.rid, "client", start, start + 4) == 0)
        try await platform.ok("drop", [.string(gateway.rid)])
        platform.clock.advance(by: 6)
        #expect(try await usage(platform, device.rid, "dataport", start, start + 10) == 4)
    }

    @Test func aMoveShiftsUsageFromTheOldOwnerToTheNew() async throws {
        let platform = try TestPlatform.inMemory()
        let first = try await platform.client()
        let second = try await platform.client()
        let port = try await platform.dataport("float", auth: first.auth)
        platform.clock.advance(by: 3)
        try await platform.ok("move", [.string(port), .string(second.rid)])
        platform.clock.advance(by: 7)
        #expect(try await usage(platform, first.rid, "dataport", start, start + 10) == 3)
        #expect(try await usage(platform, second.rid, "dataport", start, start + 10) == 7)
        #expect(try await usage(platform, platform.platform.bootstrap.rootRID, "dataport", start, start + 10) == 10)
    }

    @Test func consumablesSumWhatWasUsedInTheWindow() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        try await platform.ok("share", [.string(port), [:]], auth: device.auth)
        platform.clock.advance(by: 10)
        try await platform.ok("share", [.string(port), [:]], auth: device.auth)
        #expect(try await usage(platform, device.rid, "share", start, start + 10) == 2)
        #expect(try await usage(platform, device.rid, "share", start + 1, start + 10) == 1)
        #expect(try await usage(platform, platform.platform.bootstrap.rootRID, "share", start, start + 10) == 2)
        #expect(try await usage(platform, device.rid, "email", start, start + 10) == 0)
    }

    @Test func wrongInputAnswersItsStatus() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("float", auth: device.auth)
        #expect(try await platform.status("usage", [.string(device.rid), "disk", .int(start), .int(start + 1)]) == "invalid")
        #expect(try await platform.status("usage", [.string(device.rid), "dataport", .int(start + 1), .int(start)]) == "invalid")
        #expect(try await platform.status("usage", [.string(port), "dataport", .int(start), .int(start + 1)]) == "invalid")
        #expect(try await platform.call("usage", [.string(device.rid), "dataport", "then", .int(start)])["error"]?["code"] == 501)
        #expect(try await platform.call("usage", [.string(device.rid), "dataport", .int(start)])["error"]?["code"] == 501)
        #expect(try await platform.call("usage", [.string(device.rid), 5, .int(start), .int(start)])["error"]?["code"] == 501)
        let stranger = try await platform.client()
        #expect(try await platform.status("usage", [.string(device.rid), "dataport", 0, 1], auth: stranger.auth) == "restricted")
    }
}
