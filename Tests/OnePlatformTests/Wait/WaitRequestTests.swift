import OnePJSON
import OnePlatform
import Testing

/// How a suspending `wait` shares a request with other calls, and what wrong input answers.
@Suite struct WaitRequestTests {
    private var now: Int { Int(TestPlatform.start) }

    @Test func callsAroundAWaitRunInOrderAndCallsAfterItSeeItsPoint() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "a")
        try await platform.dataport("integer", alias: "b")
        let waiting = await platform.startWaiting([
            ("write", [["alias": "a"], 1]),
            ("wait", [["alias": "b"], ["timeout": 10_000]]),
            ("read", [["alias": "b"], [:]]),
        ])
        // The write before the wait committed before the wait suspended.
        #expect(try await platform.ok("read", [["alias": "a"], [:]]) == [[.int(now), 1]])
        platform.clock.advance(by: 3)
        try await platform.ok("write", [["alias": "b"], 2])
        let answers = try await waiting.value
        #expect(answers.map { $0["id"] } == [1, 2, 3])
        #expect(answers[0]["status"] == "ok")
        #expect(answers[1]["result"] == [.int(now + 3), 2])
        #expect(answers[2]["result"] == [[.int(now + 3), 2]])
    }

    /// What ran before the wait committed, so the answer says so even when the credentials stop
    /// working while it waits: the calls after it are refused one by one.
    @Test func credentialsRevokedDuringAWaitRefuseOnlyTheCallsAfterIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": ["dataport": 2]])
        try await platform.dataport("integer", alias: "a", auth: device.auth)
        try await platform.dataport("integer", alias: "b", auth: device.auth)
        let before = platform.platform.suspendedWaitCount
        let waiting = Task {
            try await platform.calls(
                [
                    ("write", [["alias": "a"], 1]),
                    ("wait", [["alias": "b"], ["timeout": 5000]]),
                    ("read", [["alias": "a"], [:]]),
                ], auth: device.auth)
        }
        await platform.untilSuspended(before + 1)
        try await platform.ok("revoke", ["client", device.auth["cik"] ?? .null])
        platform.clock.advance(by: 5)
        let answers = try await waiting.value
        #expect(answers.map { $0["status"] } == ["ok", "expire", "noauth"])
    }

    @Test func aWaitAnsweredAtOnceKeepsTheRequestInOneTransaction() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "a")
        let answers = try await platform.calls([
            ("write", [["alias": "a"], 5]),
            ("wait", [["alias": "a"], ["since": .int(now - 1)]]),
        ])
        #expect(answers[1]["result"] == [.int(now), 5])
    }

    @Test func aWaitWithoutIdStillWaitsBeforeTheNextCall() async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "a")
        let request: JSON = [
            "auth": platform.auth,
            "calls": [
                ["procedure": "wait", "arguments": [["alias": "a"], ["timeout": 2000]]],
                ["id": 7, "procedure": "read", "arguments": [["alias": "a"], [:]]],
            ],
        ]
        let task = Task { try await platform.send(request) }
        await platform.untilSuspended(1)
        platform.clock.advance(by: 2)
        #expect(try await task.value == [["id": 7, "status": "ok", "result": []]])
    }

    /// Arguments a wait must refuse, with the status it answers.
    struct BadWait: Sendable, CustomTestStringConvertible {
        let arguments: [JSON]
        let status: String
        var testDescription: String { "\(JSON.array(arguments).serialized()) -> \(status)" }
    }

    static let badWaits: [BadWait] = [
        BadWait(arguments: [["alias": "w"], ["timeout": "soon"]], status: "fail"),
        BadWait(arguments: [["alias": "w"], ["since": "yesterday"]], status: "fail"),
        BadWait(arguments: [["alias": "w"], "options"], status: "fail"),
        BadWait(arguments: [["alias": "w"], [:], [:]], status: "fail"),
        BadWait(arguments: [], status: "fail"),
        BadWait(arguments: [["alias": "w"], ["timeout": -1]], status: "invalid"),
        BadWait(arguments: [["alias": "w"], ["timeout": 1e12]], status: "invalid"),
        BadWait(arguments: [["alias": "nowhere"], [:]], status: "invalid"),
        BadWait(arguments: [["alias": ""], ["timeout": 0]], status: "invalid"),
    ]

    @Test(arguments: badWaits)
    func wrongInputAnswersAStatusAndWaitsForNothing(bad: BadWait) async throws {
        let platform = try TestPlatform.inMemory()
        try await platform.dataport("integer", alias: "w")
        let answer = try await platform.call("wait", bad.arguments)
        #expect(answer["status"]?.stringValue == bad.status)
        if bad.status == "fail" {
            let context = answer["error"]?["context"]?.stringValue
            #expect(context == "arguments")
        }
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func aLockedClientIsAnsweredLockedWithoutWaiting() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        try await platform.dataport("integer", alias: "w", auth: device.auth)
        try await platform.ok("update", [.string(device.rid), ["locked": true]])
        #expect(try await platform.status("wait", [["alias": "w"], ["timeout": 10_000]], auth: device.auth) == "locked")
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func aTokenWithoutWaitPermissionIsRefused() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let port = try await platform.dataport("integer", alias: "w", auth: device.auth)
        let granted = try await platform.ok("grant", [.string(device.rid), [port: ["read"]], ["ttl": 60]])
        let auth: JSON = ["token": .string(try #require(granted.stringValue))]
        #expect(try await platform.status("wait", [.string(port), ["timeout": 0]], auth: auth) == "noauth")
    }
}
