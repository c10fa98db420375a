import OnePJSON
import OnePlatform
import TestSupport
import Testing

/// Creates in one request keep the clients they read (their parents, the owners whose limits they
/// draw on) for as long as only creates run. Every other changing call in between must be seen
/// by the creates after it.
@Suite("create runs")
struct CreateRunTests {
    static let portDescription: JSON = ["format": "integer"]

    /// A client under the caller whose dataport limit is `limit`, everything else inherited.
    static func owner(_ platform: TestPlatform, dataports limit: Int) async throws -> String {
        var limits = try #require(TestPlatform.inheritedLimits.objectValue)
        limits["dataport"] = .int(limit)
        return try await platform.client(["limits": .object(limits)]).rid
    }

    @Test func aLimitRaisedBetweenCreatesCountsForTheCreatesAfterIt() async throws {
        let platform = try TestPlatform.inMemory()
        let owner = JSON.string(try await Self.owner(platform, dataports: 1))
        let answers = try await platform.calls([
            ("create", [owner, "dataport", Self.portDescription]),
            ("create", [owner, "dataport", Self.portDescription]),
            ("update", [owner, ["limits": ["dataport": 3]]]),
            ("create", [owner, "dataport", Self.portDescription]),
            ("create", [owner, "dataport", Self.portDescription]),
            ("create", [owner, "dataport", Self.portDescription]),
        ])
        #expect(answers.map { $0["status"]?.stringValue ?? "" } == ["ok", "limit", "ok", "ok", "ok", "limit"])
    }

    @Test func aParentDroppedBetweenCreatesTakesNoMore() async throws {
        let platform = try TestPlatform.inMemory()
        let owner = JSON.string(try await platform.client().rid)
        let answers = try await platform.calls([
            ("create", [owner, "dataport", Self.portDescription]),
            ("drop", [owner]),
            ("create", [owner, "dataport", Self.portDescription]),
        ])
        #expect(answers.map { $0["status"]?.stringValue ?? "" } == ["ok", "ok", "restricted"])
    }

    @Test func aClientMovedBetweenCreatesDrawsOnItsNewOwnersLimits() async throws {
        let platform = try TestPlatform.inMemory()
        let roomy = try await Self.owner(platform, dataports: 5)
        // Room for exactly the one dataport the device holds when it moves.
        let full = try await Self.owner(platform, dataports: 1)
        // A client that inherits, so its dataports count against whichever client owns it.
        let device = try #require(
            try await platform.ok("create", [.string(roomy), "client", ["limits": TestPlatform.inheritedLimits]]).stringValue)
        let answers = try await platform.calls([
            ("create", [.string(device), "dataport", Self.portDescription]),
            ("move", [.string(device), .string(full)]),
            ("create", [.string(device), "dataport", Self.portDescription]),
        ])
        #expect(answers.map { $0["status"]?.stringValue ?? "" } == ["ok", "ok", "limit"])
    }

    @Test func thousandsOfCreatesInOneRequestEachGetTheirOwnAnswerAndRID() async throws {
        let platform = try TestPlatform.inMemory()
        let owner = JSON.string(try await Self.owner(platform, dataports: 1_500))
        let calls = (0..<2_000).map { _ in ("create", [owner, "dataport", Self.portDescription]) }
        let answers = try await platform.calls(calls)
        #expect(answers.prefix(1_500).allSatisfy { $0["status"] == "ok" })
        #expect(answers.suffix(500).allSatisfy { $0["status"] == "limit" })
        let rids = Set(answers.compactMap { $0["result"]?.stringValue })
        #expect(rids.count == 1_500 && rids.allSatisfy { $0.count == 40 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
        let listed = try await platform.ok("listing", [owner, ["dataport"], [:]])
        #expect(Set(listed["dataport"]?.arrayValue?.compactMap(\.stringValue) ?? []) == rids)
    }
}
