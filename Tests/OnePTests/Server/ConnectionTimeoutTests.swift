import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// Connections that hold the server without moving are dropped: a slow head and a stalled body
/// are answered `408`, an idle connection is closed; a request being answered is never cut short.
@Suite struct ConnectionTimeoutTests {
    @Test func aHeadTrickledInByteByByteIsAnswered408AndClosed() async throws {
        try await withServer(.init(port: 0, limits: quickLimits(header: .milliseconds(300)))) { server, _ in
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            try await connection.send("GET /timestamp HTTP/1.1\r\n")
            let trickle = Task {
                for byte in "Host: 127.0.0.1\r\nX-Slow: 1234567890".utf8 {
                    guard try await connection.send([byte]) else { return }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            let response = try await connection.response()
            trickle.cancel()
            #expect(response.status == 408)
            #expect(response.headers["connection"] == "close")
            #expect(response.text == "no complete request head arrived within 300 ms\n")
            #expect(try await connection.waitForClose() == .closed)
        }
    }

    @Test func aBodyThatStallsIsAnswered408AndClosed() async throws {
        try await withServer(.init(port: 0, limits: quickLimits(body: .milliseconds(300)))) { server, _ in
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            try await connection.send(postHead("/onep:v1/rpc/process", length: 100) + "{\"auth\"")
            let response = try await connection.response()
            #expect(response.status == 408)
            #expect(response.text == "the request body stalled: nothing arrived for 300 ms\n")
            #expect(try await connection.waitForClose() == .closed)
        }
    }

    @Test func anIdleConnectionIsClosed() async throws {
        try await withServer(.init(port: 0, limits: quickLimits(idle: .milliseconds(300)))) { server, _ in
            let silent = try RawHTTPConnection(port: server.port, timeout: 10)
            #expect(try await silent.waitForClose() == .closed)
            let used = try RawHTTPConnection(port: server.port, timeout: 10)
            #expect(try await used.get("/timestamp").status == 200)
            #expect(try await used.waitForClose() == .closed)
        }
    }

    /// A `wait` holds its connection past the idle and body timeouts: nothing is being read, the
    /// server is answering.
    @Test func aWaitOutlastsTheTimeouts() async throws {
        let limits = quickLimits(header: .milliseconds(200), body: .milliseconds(200), idle: .milliseconds(200))
        try await withServer(.init(port: 0, limits: limits)) { server, fixture in
            let transport = HTTPTransport(url: server.url)
            let client = RPCClient(transport: transport, auth: fixture.rootAuth)
            _ = try await client.makeDataport("w", format: "integer")
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            let wait: JSON = ["id": 1, "procedure": "wait", "arguments": [["alias": "w"], ["timeout": 60_000]]]
            try await connection.startPost("/onep:v1/rpc/process", body: fixture.rpc([wait]))
            await fixture.platform.untilSuspendedWaits(are: 1)
            // Real time on purpose: the connection timeouts run on the server's own clock.
            try await Task.sleep(for: .milliseconds(700))
            fixture.clock.advance(by: 1)
            _ = try await client.call(.write(.alias("w"), value: 3))
            let response = try await connection.response()
            #expect(response.json == [["id": 1, "status": "ok", "result": [.int(Int(PlatformFixture.startTime) + 1), 3]]])
            try await transport.shutdown()
        }
    }
}
