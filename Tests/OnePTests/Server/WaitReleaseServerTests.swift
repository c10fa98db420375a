import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// Which requests a hang-up or a shutdown ends: whether a request waits is decided from the parsed
/// calls, never from the bytes, and a shutdown answers a pending `wait` with `expire`.
@Suite struct WaitReleaseServerTests {
    @Test func aWaitWithAnEscapedNameEndsWhenItsClientHangsUp() async throws {
        try await within(30, "the test") {
            try await withServer { server, fixture in
                let client = RPCClient(transport: HTTPTransport(url: server.url), auth: fixture.rootAuth)
                _ = try await client.makeDataport("w", format: "integer")
                var connection: RawHTTPConnection? = try RawHTTPConnection(port: server.port)
                try await connection?.startPost("/onep:v1/rpc/process", body: fixture.escapedWait("w"))
                await fixture.platform.untilSuspendedWaits(are: 1)
                connection = nil
                try await within(10, "the wait's end") { await fixture.platform.untilSuspendedWaits(are: 0) }
            }
        }
    }

    @Test func aWaitWithAnEscapedNameEndsWhenItsClientHalfCloses() async throws {
        try await within(30, "the test") {
            try await withServer { server, fixture in
                let client = RPCClient(transport: HTTPTransport(url: server.url), auth: fixture.rootAuth)
                _ = try await client.makeDataport("w", format: "integer")
                let connection = try RawHTTPConnection(port: server.port)
                try await connection.startPost("/onep:v1/rpc/process", body: fixture.escapedWait("w"))
                await fixture.platform.untilSuspendedWaits(are: 1)
                connection.halfClose()
                try await within(10, "the wait's end") { await fixture.platform.untilSuspendedWaits(are: 0) }
            }
        }
    }

    /// A client that sends its request and then closes its sending side still gets its writes
    /// done and answered: only a wait ends at a hang-up.
    @Test func aHalfClosedWriteIsStillDoneAndAnswered() async throws {
        try await withServer { server, fixture in
            let client = RPCClient(transport: HTTPTransport(url: server.url), auth: fixture.rootAuth)
            _ = try await client.makeDataport("w", format: "integer")
            let connection = try RawHTTPConnection(port: server.port)
            let body = fixture.rpc([["id": 1, "procedure": "record", "arguments": [["alias": "w"], [[5, 42]], [:]]]])
            try await connection.send(postHead("/onep:v1/rpc/process", length: body.count))
            try await connection.send(body)
            connection.halfClose()
            let response = try await connection.response()
            #expect(response.json == [["id": 1, "status": "ok"]])
            #expect(try await client.points(.alias("w")) == [Point(timestamp: 5, value: 42)])
        }
    }

    @Test func shuttingDownAnswersAPendingWaitAsExpiredAndRunsTheCallsAfterIt() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let client = RPCClient(transport: HTTPTransport(url: server.url), auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        let connection = try RawHTTPConnection(port: server.port)
        let lookup = #",{"id":2,"procedure":"lookup","arguments":[{"alias":""},"alias",""]}"#
        try await connection.startPost("/onep:v1/rpc/process", body: fixture.escapedWait("w", then: lookup))
        await fixture.platform.untilSuspendedWaits(are: 1)
        async let stopped: Void = within(10, "the server's stop") { try await server.stop() }
        let response = try await connection.response()
        try await stopped
        #expect(response.status == 200)
        let rootRID = JSON.string(fixture.platform.bootstrap.rootRID)
        #expect(response.json == [["id": 1, "status": "expire"], ["id": 2, "status": "ok", "result": rootRID]])
    }

    @Test func shuttingDownAnswersAPendingLongPollNotModified() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let client = RPCClient(transport: HTTPTransport(url: server.url), auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        let connection = try RawHTTPConnection(port: server.port)
        try await connection.startGet(
            "/onep:v1/stack/alias?w", headers: ["X-Exosite-CIK: \(fixture.platform.bootstrap.rootCIK)", "Request-Timeout: 60000"])
        await fixture.platform.untilSuspendedWaits(are: 1)
        async let stopped: Void = server.stop()
        let response = try await connection.response()
        try await stopped
        #expect(response.status == 304)
    }
}
