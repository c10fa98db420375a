import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// A platform on a temporary directory served over HTTP on a free port, taken down after `body`.
func withServer(
    _ configuration: PlatformServerConfiguration = .init(port: 0),
    _ body: (RunningPlatformServer, PlatformFixture) async throws -> Void
) async throws {
    let fixture = try PlatformFixture()
    defer { fixture.removeDirectory() }
    let server = try await RunningPlatformServer.start(platform: fixture.platform, configuration: configuration)
    do {
        try await body(server, fixture)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
}

/// Server limits with short timeouts, so a test sees them pass in a fraction of a second.
func quickLimits(
    header: Duration = .seconds(30), body: Duration = .seconds(30), idle: Duration = .seconds(30), connections: Int = 1024
) -> ServerLimits {
    ServerLimits(headerTimeout: header, bodyTimeout: body, idleTimeout: idle, maximumConnections: connections)
}

extension PlatformFixture {
    /// An RPC request body from the root client.
    func rpc(_ calls: [JSON]) -> [UInt8] {
        JSON.object(["auth": rootAuth.json, "calls": .array(calls)]).utf8Bytes()
    }

    /// A request for `wait` on `alias` whose procedure name is written with a JSON escape
    /// (`w\u0061it`), which a look at the raw bytes does not find.
    func escapedWait(_ alias: String, timeout: Int = 60_000, then more: String = "") -> [UInt8] {
        let auth = String(decoding: rootAuth.json.utf8Bytes(), as: UTF8.self)
        let text =
            #"{"auth":\#(auth),"calls":[{"id":1,"procedure":"w\u0061it","arguments":[{"alias":"\#(alias)"},{"timeout":\#(timeout)}]}\#(more)]}"#
        return Array(text.utf8)
    }
}

extension RawResponse {
    var json: JSON? { try? JSON(parsing: body) }
}

/// A POST head for raw sockets, with the body length it announces.
func postHead(_ path: String, length: Int, extra: [String] = []) -> String {
    "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(length)\r\n"
        + extra.map { $0 + "\r\n" }.joined() + "\r\n"
}
