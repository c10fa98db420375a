import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// `wait` through the client engine, in process and over HTTP.
@Suite struct WaitTests {
    private let now = Int(PlatformFixture.startTime)

    @Test(arguments: Route.allCases) func aWriteReleasesAWait(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("w", format: "integer")
            let waiting = Task { try await client.call(.wait(.alias("w"), timeoutMilliseconds: 10_000)) }
            await fixture.platform.untilSuspendedWaits(are: 1)
            fixture.clock.advance(by: 1)
            _ = try await client.call(.write(.alias("w"), value: 5))
            let result = try #require(try await waiting.value)
            #expect(try Point(pair: result) == Point(timestamp: now + 1, value: 5))
        }
    }

    @Test(arguments: Route.allCases) func runningOutOfTimeFailsWithExpire(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("w", format: "integer")
            let waiting = Task { try await client.call(.wait(.alias("w"), timeoutMilliseconds: 3000)) }
            await fixture.platform.untilSuspendedWaits(are: 1)
            fixture.clock.advance(by: 3)
            let error = try await expectOnePError { _ = try await waiting.value }
            #expect(error.kind == .callFailed)
            #expect(error.statusWord == "expire")
        }
    }

    @Test(arguments: Route.allCases) func badArgumentsFailTheCall(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("w", format: "integer")
            let negative = try await expectOnePError { _ = try await client.call(.wait(.alias("w"), timeoutMilliseconds: -5)) }
            #expect(negative.statusWord == "invalid")
            let unknown = try await expectOnePError { _ = try await client.call(.wait(.alias("nowhere"))) }
            #expect(unknown.statusWord == "invalid")
        }
    }

    /// A hundred waits held over HTTP at once leave the server free for other requests, and one
    /// write releases them all.
    @Test func aHundredWaitsOverHTTPBlockNothingAndOneWriteReleasesThem() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        // One transport per waiter: a transport keeps only a few connections per host.
        let transports = (0..<100).map { _ in HTTPTransport(url: server.url) }
        let main = HTTPTransport(url: server.url)
        let client = RPCClient(transport: main, auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        _ = try await client.makeDataport("other", format: "integer")
        let waits = transports.map { transport in
            Task { try await RPCClient(transport: transport, auth: fixture.rootAuth).call(.wait(.alias("w"), timeoutMilliseconds: 60_000)) }
        }
        await fixture.platform.untilSuspendedWaits(are: 100)
        for number in 0..<20 {
            _ = try await client.call(.record(.alias("other"), [(number, .int(number))]))
            #expect(try await client.points(.alias("other"), ReadOptions(limit: 100)).count == number + 1)
        }
        #expect(fixture.platform.suspendedWaitCount == 100)
        fixture.clock.advance(by: 1)
        _ = try await client.call(.write(.alias("w"), value: 99))
        for wait in waits {
            #expect(try Point(pair: try #require(try await wait.value)) == Point(timestamp: now + 1, value: 99))
        }
        for transport in transports + [main] { try await transport.shutdown() }
        try await server.stop()
    }

    /// The transport's timeout counts from the end of the wait the call asked for, so a wait
    /// longer than the timeout is answered by the platform rather than cut off by the client.
    @Test func aWaitOutlastsTheTransportTimeout() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let waiting = HTTPTransport(url: server.url, timeout: .milliseconds(300))
        let writing = HTTPTransport(url: server.url)
        let client = RPCClient(transport: writing, auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        let wait = Task { try await RPCClient(transport: waiting, auth: fixture.rootAuth).call(.wait(.alias("w"), timeoutMilliseconds: 60_000)) }
        await fixture.platform.untilSuspendedWaits(are: 1)
        // Real time, on purpose: what is tested is the client's own timer, which the platform clock does not drive.
        try await Task.sleep(for: .milliseconds(700))
        fixture.clock.advance(by: 1)
        _ = try await client.call(.write(.alias("w"), value: 7))
        #expect(try Point(pair: try #require(try await wait.value)) == Point(timestamp: now + 1, value: 7))
        for transport in [waiting, writing] { try await transport.shutdown() }
        try await server.stop()
    }

    @Test func hangingUpAnRPCWaitForgetsItAndKeepsOtherConnectionsAlive() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: server.url)
        let client = RPCClient(transport: transport, auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        let request: JSON = [
            "auth": fixture.rootAuth.json, "calls": [["id": 1, "procedure": "wait", "arguments": [["alias": "w"], ["timeout": 60_000]]]],
        ]
        var connection: RawHTTPConnection? = try RawHTTPConnection(port: server.port)
        try await connection?.startPost("/onep:v1/rpc/process", body: request.utf8Bytes())
        await fixture.platform.untilSuspendedWaits(are: 1)
        connection = nil
        await fixture.platform.untilSuspendedWaits(are: 0)
        #expect(try await client.call(.lookup(.me, .alias(""))) == .string(fixture.platform.bootstrap.rootRID))
        try await transport.shutdown()
        try await server.stop()
    }

    @Test func shuttingTheServerDownReleasesSuspendedWaits() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: server.url)
        let client = RPCClient(transport: transport, auth: fixture.rootAuth)
        _ = try await client.makeDataport("w", format: "integer")
        let waiting = Task { try? await client.call(.wait(.alias("w"), timeoutMilliseconds: 60_000)) }
        await fixture.platform.untilSuspendedWaits(are: 1)
        try await server.stop()
        _ = await waiting.value
        #expect(fixture.platform.suspendedWaitCount == 0)
        try await transport.shutdown()
    }
}
