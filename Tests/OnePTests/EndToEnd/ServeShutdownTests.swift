import Foundation
import OneP
import OnePJSON
import TestSupport
import Testing

/// `onep serve` ended by SIGTERM while clients wait: every `wait` and long poll ends, the pending
/// ones answered as expired, and the process exits at once — also when clients half-closed their
/// connections and name the procedure with a JSON escape.
@Suite(.serialized) struct ServeShutdownTests {
    @Test func sigtermEndsEveryWaitAndExits() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        defer { try? FileManager.default.removeItem(at: directory) }
        let serve = try await StartedServe.start(directory: directory)
        let transport = HTTPTransport(url: serve.url)
        let client = RPCClient(transport: transport, auth: .cik(serve.rootCIK))
        _ = try await client.makeDataport("w", format: "integer")
        try await transport.shutdown()

        let auth = #"{"cik":"\#(serve.rootCIK)"}"#
        let escaped = Array(
            #"{"auth":\#(auth),"calls":[{"id":1,"procedure":"w\u0061it","arguments":[{"alias":"w"},{"timeout":120000}]}]}"#.utf8)
        var halfClosed: [RawHTTPConnection] = []
        for _ in 0..<20 {
            let connection = try RawHTTPConnection(port: serve.port)
            try await connection.startPost("/onep:v1/rpc/process", body: escaped)
            connection.halfClose()
            halfClosed.append(connection)
        }
        let waiting = try RawHTTPConnection(port: serve.port)
        try await waiting.startPost("/onep:v1/rpc/process", body: escaped)
        let polling = try RawHTTPConnection(port: serve.port)
        try await polling.startGet("/onep:v1/stack/alias?w", headers: ["X-Exosite-CIK: \(serve.rootCIK)", "Request-Timeout: 120000"])
        // The server is another process: give the requests a moment to arrive and suspend.
        try await Task.sleep(for: .milliseconds(500))

        serve.process.process.terminate()
        let status: Int32
        do {
            status = try await within(10, "onep serve's exit after SIGTERM") { try await serve.process.exitStatus() }
        } catch {
            try? await serve.kill()
            throw error
        }
        #expect(status == 0)
        let answer = try await waiting.response()
        #expect(answer.status == 200)
        #expect(answer.json == [["id": 1, "status": "expire"]])
        #expect(try await polling.response().status == 304)
    }
}
