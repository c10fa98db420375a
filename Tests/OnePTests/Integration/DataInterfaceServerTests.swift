import OneP
import OnePJSON
import OnePlatformServer
import TestSupport
import Testing

/// The HTTP Data Interface seen from a socket: connection limits, hang-ups and `/ip`.
@Suite struct DataInterfaceServerTests {
    private func withDevice(
        _ configuration: PlatformServerConfiguration = .init(port: 0),
        _ body: (RunningPlatformServer, PlatformFixture, _ cik: String) async throws -> Void
    ) async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        try await withServedTransport(fixture.platform, configuration: configuration) { transport, server in
            let root = RPCClient(transport: transport, auth: fixture.rootAuth)
            let device = try await root.makeDevice("device")
            _ = try await root.with(auth: .cik(device.cik)).makeDataport("temp", format: "integer")
            try await body(server, fixture, device.cik)
        }
    }

    @Test func aKeptAliveConnectionClosesAfterItsLastDataRequest() async throws {
        try await withDevice(.init(port: 0, requestsPerConnection: 3)) { server, _, cik in
            let connection = try RawHTTPConnection(port: server.port)
            let write = try await connection.post(
                "/onep:v1/stack/alias", body: Array("temp=1".utf8), contentType: "application/x-www-form-urlencoded; charset=utf-8",
                headers: ["X-Exosite-CIK: \(cik)"])
            #expect(write.status == 204)
            #expect(write.headers["connection"] != "close")
            let time = try await connection.get("/timestamp")
            #expect(time.status == 200)
            #expect(time.headers["content-type"] == "text/plain; charset=utf-8")
            let read = try await connection.get("/onep:v1/stack/alias?temp", headers: ["X-Exosite-CIK: \(cik)"])
            #expect(String(decoding: read.body, as: UTF8.self) == "temp=1")
            #expect(read.headers["connection"] == "close")
            #expect(try await connection.peerClosed())
        }
    }

    @Test func ipAnswersTheServersAddressAndPort() async throws {
        try await withDevice { server, _, _ in
            let answer = try await RawHTTPConnection(port: server.port).get("/ip")
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "127,0,0,1,\(server.port >> 8),\(server.port & 0xFF)")
        }
    }

    @Test func hangingUpALongPollForgetsIt() async throws {
        try await withDevice { server, fixture, cik in
            var connection: RawHTTPConnection? = try RawHTTPConnection(port: server.port)
            try await connection?.startGet("/onep:v1/stack/alias?temp", headers: ["X-Exosite-CIK: \(cik)", "Request-Timeout: 300000"])
            await fixture.platform.untilSuspendedWaits(are: 1)
            connection = nil
            await fixture.platform.untilSuspendedWaits(are: 0)
            #expect(fixture.platform.suspendedWaitCount == 0)
        }
    }

    @Test func aLongPollAnswersTheWriteThatEndsIt() async throws {
        try await withDevice { server, fixture, cik in
            let polling = Task {
                try await RawHTTPConnection(port: server.port)
                    .get("/onep:v1/stack/alias?temp", headers: ["X-Exosite-CIK: \(cik)", "Request-Timeout: 300000"])
            }
            await fixture.platform.untilSuspendedWaits(are: 1)
            let writer = try RawHTTPConnection(port: server.port)
            let write = try await writer.post(
                "/onep:v1/stack/alias", body: Array("temp=8".utf8), contentType: "application/x-www-form-urlencoded",
                headers: ["X-Exosite-CIK: \(cik)"])
            #expect(write.status == 204)
            let answer = try await polling.value
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self) == "temp=8")
            #expect(answer.headers["last-modified"] == "Tue, 14 Nov 2023 22:13:20 GMT")
        }
    }
}
