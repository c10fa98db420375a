import OnePlatformServer
import Testing

/// Past the connection limit a new connection is answered `503` and closed, and a place freed by a
/// closed connection serves again.
@Suite struct ConnectionCapTests {
    @Test func aConnectionPastTheLimitIsAnswered503() async throws {
        try await withServer(.init(port: 0, limits: quickLimits(connections: 3))) { server, _ in
            var held: [RawHTTPConnection] = []
            for _ in 0..<3 {
                let connection = try RawHTTPConnection(port: server.port, timeout: 10)
                #expect(try await connection.get("/timestamp").status == 200)
                held.append(connection)
            }
            let refused = try RawHTTPConnection(port: server.port, timeout: 10)
            let response = try await refused.response()
            #expect(response.status == 503)
            #expect(response.headers["connection"] == "close")
            #expect(response.text == "the server is at its limit of 3 connections; try again shortly\n")
            #expect(try await refused.waitForClose() == .closed)
            held.removeFirst()
            // The closed connection's place is given back as the server notices the close, which
            // on a busy machine may take a while: ask again for up to ten seconds.
            var status = 0
            for attempt in 0..<200 where status != 200 {
                if attempt > 0 { try await Task.sleep(for: .milliseconds(50)) }
                let again = try RawHTTPConnection(port: server.port, timeout: 10)
                status = try await again.get("/timestamp").status
            }
            #expect(status == 200)
        }
    }
}
