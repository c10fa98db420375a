import OnePJSON
import Testing

/// A client whose key stops working is refused on the very next request of a kept-alive
/// connection, though the requests before it were answered from what the server remembered.
@Suite struct KeptAliveCredentialTests {
    private static let path = "/onep:v1/rpc/process"

    private func request(_ cik: String, _ procedure: String, _ arguments: [JSON]) -> [UInt8] {
        JSON.object(["auth": ["cik": .string(cik)], "calls": [["id": 1, "procedure": .string(procedure), "arguments": .array(arguments)]]])
            .utf8Bytes()
    }

    /// The call's status, or the request's error code.
    private func outcome(_ connection: RawHTTPConnection, _ body: [UInt8]) async throws -> String {
        let response = try await connection.post(Self.path, body: body)
        #expect(response.status == 200)
        if let code = response.json?["error"]?["code"]?.intValue { return String(code) }
        return response.json?[0]?["status"]?.stringValue ?? "none"
    }

    @Test func aDroppedClientsKeyIsRefusedOnTheNextRequestOfTheSameConnection() async throws {
        try await withServer { server, fixture in
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            let root = fixture.platform.bootstrap.rootCIK
            let created = try await connection.post(Self.path, body: request(root, "create", ["client", [:]]))
            let rid = try #require(created.json?[0]?["result"]?.stringValue)
            let info = try await connection.post(Self.path, body: request(root, "info", [.string(rid), ["key": true]]))
            let cik = try #require(info.json?[0]?["result"]?["key"]?.stringValue)
            let read = request(cik, "info", [["alias": ""], ["basic": true]])
            for _ in 0..<3 { #expect(try await outcome(connection, read) == "ok") }
            #expect(try await outcome(connection, request(root, "drop", [.string(rid)])) == "ok")
            #expect(try await outcome(connection, read) == "401")
        }
    }
}
