import OneP
import OnePJSON
import OnePlatformServer
import TestSupport
import Testing

/// The HTTP front: its connection limit, its routes and its limits, seen from a socket.
@Suite struct ServerConnectionTests {
    private func withServer(
        _ configuration: PlatformServerConfiguration = .init(port: 0),
        _ body: (RunningPlatformServer, PlatformFixture) async throws -> Void
    ) async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        try await TestSupport.withServer(fixture.platform, configuration: configuration) { server in try await body(server, fixture) }
    }

    private func lookupSelf(_ fixture: PlatformFixture) -> [UInt8] {
        JSON.object(["auth": fixture.rootAuth.json, "calls": [["id": 1, "procedure": "lookup", "arguments": [["alias": ""], "alias", ""]]]])
            .utf8Bytes()
    }

    @Test func closesAConnectionAfterItsLastRequest() async throws {
        try await withServer(.init(port: 0, requestsPerConnection: 3)) { server, fixture in
            let connection = try RawHTTPConnection(port: server.port)
            for number in 1...3 {
                let response = try await connection.post("/onep:v1/rpc/process", body: lookupSelf(fixture))
                #expect(response.status == 200)
                #expect(response.headers["content-type"] == "application/json; charset=utf-8")
                #expect((response.headers["connection"] == "close") == (number == 3))
            }
            #expect(try await connection.peerClosed())
        }
    }

    @Test func clientReconnectsPastTheDefaultHundred() async throws {
        try await withServer { server, fixture in
            let transport = HTTPTransport(url: server.url)
            let client = RPCClient(transport: transport, auth: fixture.rootAuth)
            var answered = 0
            for _ in 0..<250 {
                if try await client.call(.lookup(.me, .alias(""))) == .string(fixture.platform.bootstrap.rootRID) { answered += 1 }
            }
            try await transport.shutdown()
            #expect(answered == 250)
        }
    }

    @Test func unknownPathIsNotFound() async throws {
        try await withServer { server, _ in
            let connection = try RawHTTPConnection(port: server.port)
            #expect(try await connection.get("/nothing/here").status == 404)
            #expect(try await connection.post("/onep:v1/rpc/other", body: []).status == 404)
        }
    }

    @Test func oversizedBodyIsRefused() async throws {
        try await withServer(.init(port: 0, limits: .init(maximumBodySize: 1024))) { server, _ in
            let connection = try RawHTTPConnection(port: server.port)
            let response = try await connection.post("/onep:v1/rpc/process", body: [UInt8](repeating: UInt8(ascii: " "), count: 4096))
            #expect(response.status == 413)
        }
    }

    @Test func secondServerOnABoundPortFailsWithOneLine() async throws {
        try await withServer { server, fixture in
            let error = await #expect(throws: PlatformServerError.self) {
                _ = try await RunningPlatformServer.start(platform: fixture.platform, configuration: .init(port: server.port))
            }
            #expect(error?.description == "cannot listen on 127.0.0.1:\(server.port): the address is already in use")
        }
    }
}
