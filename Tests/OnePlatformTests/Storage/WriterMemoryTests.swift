import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// Small writes remember, from request to request, the client a CIK authenticates as, the
/// resources named and their parents, for as long as nothing changes a resource. Whatever changes
/// one (a call of this request or an earlier one, provisioning, another process on the directory)
/// is seen by the very next call. Each test writes twice before the change, so the call after it
/// would be answered from memory if the memory outlived the change; each runs on a platform in
/// memory and on a data directory.
@Suite("What the writing connection remembers", .timeLimit(.minutes(1)))
struct WriterMemoryTests {
    enum Place: String, CaseIterable {
        case inMemory, directory
    }

    /// A platform kept in `place`, and the directory it lives in (if any), which must outlive it.
    private func open(_ place: Place) throws -> (TestPlatform, TemporaryDirectory?) {
        switch place {
        case .inMemory:
            return (try TestPlatform.inMemory(), nil)
        case .directory:
            let directory = try TemporaryDirectory()
            let clock = TestTime.clock()
            return (
                TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never), clock: clock), directory
            )
        }
    }

    /// The outcome of writing to `resource` with `auth`: the call's status, or the request's error code.
    private func writeOutcome(_ platform: TestPlatform, _ resource: String, auth: JSON) async throws -> String {
        platform.clock.advance(by: 1)
        let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "write", "arguments": [.string(resource), 5]]]])
        if let code = answer?["error"]?["code"]?.intValue { return String(code) }
        return answer?[0]?["status"]?.stringValue ?? "none"
    }

    /// A new client with an integer dataport it has written twice, so the next write would find both in memory.
    private func rememberedPort(_ platform: TestPlatform) async throws -> (client: (rid: String, auth: JSON), port: String) {
        let client = try await platform.client()
        let port = try await platform.dataport("integer", auth: client.auth)
        for _ in 0..<2 { #expect(try await writeOutcome(platform, port, auth: client.auth) == "ok") }
        return (client, port)
    }

    @Test(arguments: Place.allCases) func aDroppedClientsCIKIsRefusedOnTheNextRequest(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let (client, port) = try await rememberedPort(platform)
        try await platform.ok("drop", [.string(client.rid)])
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "401")
        #expect(try await writeOutcome(platform, port, auth: platform.auth) == "restricted")
        _ = directory
    }

    @Test(arguments: Place.allCases) func aResourceMovedAwayIsOutOfReachOnTheNextRequest(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let (first, port) = try await rememberedPort(platform)
        let second = try await platform.client()
        try await platform.ok("move", [.string(port), .string(second.rid)])
        #expect(try await writeOutcome(platform, port, auth: first.auth) == "restricted")
        #expect(try await writeOutcome(platform, port, auth: second.auth) == "ok")
        _ = directory
    }

    @Test(arguments: Place.allCases) func aLockedClientIsLockedOnTheNextRequest(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let (client, port) = try await rememberedPort(platform)
        try await platform.ok("update", [.string(client.rid), ["locked": true]])
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "locked")
        try await platform.ok("update", [.string(client.rid), ["locked": false]])
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "ok")
        _ = directory
    }

    /// The memory stands aside from the call that changed a resource on: later calls of the same
    /// request see the change.
    @Test(arguments: Place.allCases) func aChangeEarlierInTheRequestIsSeenByItsLaterCalls(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let (client, port) = try await rememberedPort(platform)
        let other = try await platform.dataport("integer", auth: client.auth)
        for _ in 0..<2 { #expect(try await writeOutcome(platform, other, auth: client.auth) == "ok") }
        platform.clock.advance(by: 1)
        let answers = try await platform.send([
            "auth": client.auth,
            "calls": [
                ["id": 1, "procedure": "write", "arguments": [.string(port), 1]],
                ["id": 2, "procedure": "drop", "arguments": [.string(port)]],
                ["id": 3, "procedure": "write", "arguments": [.string(port), 2]],
                ["id": 4, "procedure": "write", "arguments": [.string(other), 3]],
            ],
        ])
        #expect((0..<4).map { answers?[$0]?["status"]?.stringValue } == ["ok", "ok", "restricted", "ok"])
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "restricted")
        #expect(try await writeOutcome(platform, other, auth: client.auth) == "ok")
        _ = directory
    }

    /// Who subscribes to a resource is remembered too: a subscriber added or taken away after
    /// writes gets exactly the points written after it.
    @Test(arguments: Place.allCases) func aSubscriptionMadeOrEndedIsHonouredByTheNextWrite(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let (client, port) = try await rememberedPort(platform)
        let copy = try await platform.dataport("integer", extra: ["subscribe": .string(port)], auth: client.auth)
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "ok")
        try await platform.ok("update", [.string(copy), ["subscribe": .null]], auth: client.auth)
        #expect(try await writeOutcome(platform, port, auth: client.auth) == "ok")
        let copied = try await platform.ok("read", [.string(copy), ["limit": 10]], auth: client.auth)
        #expect(copied == [[.int(TestTime.start + 3), 5]])
        _ = directory
    }

    @Test(arguments: Place.allCases) func aRegeneratedCIKIsRefusedOnTheNextRequest(_ place: Place) async throws {
        let (platform, directory) = try open(place)
        let fixture = ProvisionFixture(rpc: platform)
        try await fixture.model(sns: ["s1"])
        let (rid, cik) = try await fixture.activated("m1", "s1")
        let auth: JSON = ["cik": .string(cik)]
        let port = try await platform.dataport("integer", auth: auth)
        for _ in 0..<2 { #expect(try await writeOutcome(platform, port, auth: auth) == "ok") }
        #expect(await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true").status == 205)
        #expect(try await writeOutcome(platform, port, auth: auth) == "401")
        let again = await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: [])
        #expect(try await writeOutcome(platform, port, auth: ["cik": .string(again.text)]) == "ok")
        #expect(try await writeOutcome(platform, port, auth: auth) == "401")
        #expect(try await platform.ok("info", [.string(rid), ["basic": true]])["basic"]?["status"] == "activated")
        _ = directory
    }

    @Test func aChangeMadeByAnotherProcessIsSeenOnTheNextRequest() async throws {
        let (writer, directory) = try open(.directory)
        let other = TestPlatform(
            platform: try Platform.open(directory: try #require(directory).path, clock: writer.clock, backgroundWork: .never), clock: writer.clock)
        let (client, port) = try await rememberedPort(writer)
        try await other.ok("drop", [.string(client.rid)])
        #expect(try await writeOutcome(writer, port, auth: client.auth) == "401")
    }
}
