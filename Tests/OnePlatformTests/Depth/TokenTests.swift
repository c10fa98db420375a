import OnePJSON
import OnePlatform
import Testing

@Suite("Tokens")
struct TokenTests {
    /// A device with an integer dataport aliased `temp` holding 3, and a second dataport.
    private func device(_ platform: TestPlatform) async throws -> (rid: String, port: String, other: String) {
        let device = try await platform.client()
        let port = try await platform.dataport("integer", alias: "temp", auth: device.auth)
        let other = try await platform.dataport("integer", alias: "other", auth: device.auth)
        try await platform.ok("write", [.string(port), 3], auth: device.auth)
        return (device.rid, port, other)
    }

    private func grant(_ platform: TestPlatform, _ rid: String, _ permissions: JSON, ttl: Int = 60) async throws -> JSON {
        let token = try #require(try await platform.ok("grant", [.string(rid), permissions, ["ttl": .int(ttl)]]).stringValue)
        #expect(token.count == 40)
        return ["token": .string(token)]
    }

    @Test func aTokenMayCallOnlyWhatWasGranted() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        let auth = try await grant(platform, device.rid, [device.port: ["read"]])
        #expect(try await platform.ok("read", [.string(device.port), [:]], auth: auth).arrayValue?.count == 1)
        #expect(try await platform.status("write", [.string(device.port), 4], auth: auth) == "noauth")
        #expect(try await platform.status("info", [.string(device.port), [:]], auth: auth) == "noauth")
        #expect(try await platform.status("read", [.string(device.other), [:]], auth: auth) == "noauth")
        #expect(try await platform.status("grant", [.string(device.port), [device.port: ["read"]]], auth: auth) == "noauth")
    }

    @Test func aliasesResolveRelativeToTheGrantedClient() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        let auth = try await grant(platform, device.rid, [device.rid: ["read", "write"]])
        try await platform.ok("write", [["alias": "other"], 9], auth: auth)
        #expect(try await platform.ok("read", [["alias": "temp"], [:]], auth: auth).arrayValue?.first?[1] == 3)
        #expect(try await platform.ok("read", [.string(device.other), [:]], auth: auth).arrayValue?.first?[1] == 9)
        // Permission keys may be aliases of the granted client too.
        let byAlias = try await grant(platform, device.rid, ["temp": ["read"]])
        #expect(try await platform.ok("read", [["alias": "temp"], [:]], auth: byAlias).arrayValue?.count == 1)
    }

    @Test func formsThatActOnTheCallerNeedAGrantOnTheCaller() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        let onPort = try await grant(platform, device.rid, [device.port: ["read", "listing", "create", "lookup"]])
        #expect(try await platform.status("listing", [["dataport"]], auth: onPort) == "noauth")
        #expect(try await platform.status("create", ["dataport", ["format": "float"]], auth: onPort) == "noauth")
        #expect(try await platform.status("lookup", ["alias", "temp"], auth: onPort) == "noauth")
        let onDevice = try await grant(platform, device.rid, [device.rid: ["listing", "create"]])
        #expect(try await platform.ok("listing", [["dataport"]], auth: onDevice) == [[.string(device.port), .string(device.other)]])
        try await platform.ok("create", ["dataport", ["format": "float"]], auth: onDevice)
    }

    @Test func clientIDMustBeTheGrantedClientOrBelowIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        let token = try #require(try await grant(platform, device.rid, [device.port: ["read"]])["token"])
        let auth: JSON = ["token": token, "client_id": .string(device.rid)]
        #expect(try await platform.ok("read", [["alias": "temp"], [:]], auth: auth).arrayValue?.count == 1)
        let outside: JSON = ["token": token, "client_id": .string(platform.platform.bootstrap.rootRID)]
        let answer = try await platform.send(["auth": outside, "calls": [["id": 1, "procedure": "read", "arguments": [["alias": "temp"], [:]]]]])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func aTokenExpiresAfterItsTTL() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        let auth = try await grant(platform, device.rid, [device.port: ["read"]], ttl: 60)
        platform.clock.advance(by: 59)
        #expect(try await platform.status("read", [.string(device.port), [:]], auth: auth) == "ok")
        platform.clock.advance(by: 1)
        let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "read", "arguments": [.string(device.port), [:]]]]])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func unknownTokensAnswer401() async throws {
        let platform = try TestPlatform.inMemory()
        let answer = try await platform.send(["auth": ["token": "nonsense"], "calls": []])
        #expect(answer?["error"]?["code"] == 401)
    }

    @Test func wrongGrantsAnswerTheirStatusAndMakeNoToken() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await device(platform)
        #expect(try await platform.call("grant", [.string(device.rid), "read"])["error"]?["code"] == 501)
        #expect(try await platform.call("grant", [.string(device.rid), [device.port: ["read"]], ["ttl": "soon"]])["error"]?["code"] == 501)
        #expect(try await platform.status("grant", [.string(device.rid), [device.port: ["read"]], ["ttl": 0]]) == "invalid")
        #expect(try await platform.status("grant", [.string(device.rid), [device.port: "read"]]) == "invalid")
        #expect(try await platform.status("grant", [.string(device.rid), [device.port: [1]]]) == "invalid")
        let root = platform.platform.bootstrap.rootRID
        #expect(try await platform.status("grant", [.string(device.rid), [root: ["read"]]]) == "restricted")
        #expect(try await platform.status("grant", [.string(device.rid), ["nosuchalias": ["read"]]]) == "invalid")
        let stranger = try await platform.client()
        #expect(try await platform.status("grant", [.string(device.rid), [device.port: ["read"]]], auth: stranger.auth) == "restricted")
    }
}
