import Foundation
import OnePJSON
import OnePlatform
import Testing
import TestSupport

/// Small reads on a data directory run on reader connections that remember, while nothing commits,
/// the client a CIK authenticates as, the resources named and their parents. Whatever changes any
/// of them (a regenerated or dropped key, a move, a lock, a resource made private, a change made
/// by another process) is seen by the very next request. Each test asks twice before the change,
/// so the request after it would be answered from memory if the memory outlived the change.
@Suite("What reader connections remember", .timeLimit(.minutes(1)))
struct ReaderMemoryTests {
    private func open(_ directory: TemporaryDirectory, _ clock: ManualClock) throws -> TestPlatform {
        TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never), clock: clock)
    }

    /// The outcome of reading `resource` with `auth`: the call's status, or the request's error code.
    private func readOutcome(_ platform: TestPlatform, _ resource: String, auth: JSON) async throws -> String {
        let answer = try await platform.send(["auth": auth, "calls": [["id": 1, "procedure": "read", "arguments": [.string(resource), [:]]]]])
        if let code = answer?["error"]?["code"]?.intValue { return String(code) }
        return answer?[0]?["status"]?.stringValue ?? "none"
    }

    private func readTwice(_ platform: TestPlatform, _ resource: String, auth: JSON) async throws {
        for _ in 0..<2 { #expect(try await readOutcome(platform, resource, auth: auth) == "ok") }
    }

    /// A new client with an integer dataport it has read twice, so the next read would come from memory.
    private func rememberedPort(_ platform: TestPlatform) async throws -> (client: (rid: String, auth: JSON), port: String) {
        let client = try await platform.client()
        let port = try await platform.dataport("integer", auth: client.auth)
        try await readTwice(platform, port, auth: client.auth)
        return (client, port)
    }

    @Test func aRegeneratedCIKIsRefusedOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let fixture = ProvisionFixture(rpc: try open(directory, TestTime.clock()))
        try await fixture.model(sns: ["s1"])
        let (_, cik) = try await fixture.activated("m1", "s1")
        for _ in 0..<2 { #expect(try await fixture.rpcOutcome(cik: cik) == "ok") }
        #expect(await fixture.send("POST", "/provision/manage/model/m1/s1", form: "enable=true").status == 205)
        #expect(try await fixture.rpcOutcome(cik: cik) == "401")
        let again = await fixture.send("POST", "/provision/activate", form: "vendor=\(fixture.vendor)&model=m1&sn=s1", auth: [])
        #expect(try await fixture.rpcOutcome(cik: again.text) == "ok")
        #expect(try await fixture.rpcOutcome(cik: cik) == "401")
    }

    @Test func aDroppedClientsCIKIsRefusedOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let (client, port) = try await rememberedPort(platform)
        try await platform.ok("drop", [.string(client.rid)])
        #expect(try await readOutcome(platform, port, auth: client.auth) == "401")
        #expect(try await readOutcome(platform, port, auth: platform.auth) == "restricted")
    }

    @Test func aResourceMovedAwayIsOutOfReachOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let first = try await platform.client()
        let second = try await platform.client()
        let port = try await platform.dataport("integer", auth: first.auth)
        try await readTwice(platform, port, auth: first.auth)
        try await platform.ok("move", [.string(port), .string(second.rid)])
        #expect(try await readOutcome(platform, port, auth: first.auth) == "restricted")
        #expect(try await readOutcome(platform, port, auth: second.auth) == "ok")
    }

    @Test func aLockedClientIsLockedOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let (client, port) = try await rememberedPort(platform)
        try await platform.ok("update", [.string(client.rid), ["locked": true]])
        #expect(try await readOutcome(platform, port, auth: client.auth) == "locked")
        try await platform.ok("update", [.string(client.rid), ["locked": false]])
        #expect(try await readOutcome(platform, port, auth: client.auth) == "ok")
    }

    @Test func aResourceMadePrivateIsRefusedToOutsidersOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let owner = try await platform.client()
        let outsider = try await platform.client()
        let port = try await platform.dataport("integer", extra: ["public": true], auth: owner.auth)
        try await readTwice(platform, port, auth: outsider.auth)
        try await platform.ok("update", [.string(port), ["public": false]], auth: owner.auth)
        #expect(try await readOutcome(platform, port, auth: outsider.auth) == "restricted")
        #expect(try await readOutcome(platform, port, auth: owner.auth) == "ok")
    }

    @Test func aChangeMadeByAnotherProcessIsSeenOnTheNextRequest() async throws {
        let directory = try TemporaryDirectory()
        let clock = TestTime.clock()
        let reader = try open(directory, clock)
        let other = try open(directory, clock)
        let (client, port) = try await rememberedPort(reader)
        try await other.ok("drop", [.string(client.rid)])
        #expect(try await readOutcome(reader, port, auth: client.auth) == "401")
    }

    @Test func aWriteElsewhereLeavesWhatIsRememberedRight() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let (client, port) = try await rememberedPort(platform)
        // Points written in between: the memory goes, and the next read finds it all again.
        for value in 1...3 {
            platform.clock.advance(by: 1)
            try await platform.ok("write", [.string(port), .int(value)], auth: client.auth)
            #expect(try await platform.ok("read", [.string(port), [:]], auth: client.auth) == [[.int(TestTime.start + value), .int(value)]])
        }
    }

    @Test func readsOfMoreResourcesThanItKeepsAllAnswer() async throws {
        let directory = try TemporaryDirectory()
        let platform = try open(directory, TestTime.clock())
        let description: JSON = ["format": "integer", "retention": ["count": "infinity", "duration": "infinity"]]
        let creates = (0..<1_100).map { _ in ("create", [JSON.string("dataport"), description]) }
        let ports = try await platform.calls(creates).map { try #require($0["result"]?.stringValue) }
        platform.clock.advance(by: 1)
        try await platform.ok("write", [.string(ports[0]), 7])
        // One request per resource: past the memory's capacity it starts again, and nothing is lost.
        for port in ports { #expect(try await readOutcome(platform, port, auth: platform.auth) == "ok") }
        #expect(try await platform.ok("read", [.string(ports[0]), [:]]) == [[.int(TestTime.start + 1), 7]])
    }
}
