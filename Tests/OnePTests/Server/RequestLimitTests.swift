import OneP
import OnePJSON
import OnePlatform
import OnePlatformServer
import Testing

/// A request past a size, count or depth limit gets the documented answer, and a connection the
/// server answered early is closed once the answer is out.
@Suite struct RequestLimitTests {
    @Test func aBodyPastTheLimitIsRefusedWith413AndTheConnectionCloses() async throws {
        try await withServer(.init(port: 0, limits: .init(maximumBodySize: 1024))) { server, _ in
            let connection = try RawHTTPConnection(port: server.port)
            let response = try await connection.post("/onep:v1/rpc/process", body: [UInt8](repeating: UInt8(ascii: " "), count: 4096))
            #expect(response.status == 413)
            #expect(response.headers["connection"] == "close")
            #expect(response.text == "the request body is larger than 1024 bytes; send less in each request\n")
            #expect(try await connection.waitForClose() == .closed)
        }
    }

    /// A client that sends its whole body before it reads is not left stuck: the server reads on
    /// after refusing, then closes.
    @Test func aClientThatSendsABigBodyBeforeReadingGetsTheRefusalAndTheClose() async throws {
        try await withServer(.init(port: 0, limits: .init(maximumBodySize: 1024))) { server, _ in
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            // More than the socket buffers of both ends hold, so a server that stops reading blocks the send.
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 32 * 1024 * 1024)
            try await connection.send(postHead("/onep:v1/rpc/process", length: body.count))
            #expect(try await connection.send(body))
            let response = try await connection.response()
            #expect(response.status == 413)
            #expect(try await connection.waitForClose() == .closed)
        }
    }

    @Test func aBadHeaderIsRefusedWith400AndTheConnectionClosesWhileTheClientStillSends() async throws {
        try await withServer { server, _ in
            let connection = try RawHTTPConnection(port: server.port, timeout: 10)
            // More than the socket buffers of both ends hold, so a server that stops reading blocks the send.
            let body = [UInt8](repeating: UInt8(ascii: " "), count: 32 * 1024 * 1024)
            try await connection.send(postHead("/onep:v1/rpc/process", length: body.count, extra: ["Bad Header"]))
            #expect(try await connection.send(body))
            let response = try await connection.response()
            #expect(response.status == 400)
            #expect(try await connection.waitForClose() == .closed)
        }
    }

    @Test func tooManyCallsAreARequestError() async throws {
        let limits = ServerLimits(rpc: RPCLimits(maximumCalls: 3))
        try await withServer(.init(port: 0, limits: limits)) { server, fixture in
            let lookup: JSON = ["id": 1, "procedure": "lookup", "arguments": [["alias": ""], "alias", ""]]
            let connection = try RawHTTPConnection(port: server.port)
            #expect(try await connection.post("/onep:v1/rpc/process", body: fixture.rpc(Array(repeating: lookup, count: 3))).status == 200)
            let response = try await connection.post("/onep:v1/rpc/process", body: fixture.rpc(Array(repeating: lookup, count: 4)))
            #expect(response.status == 200)
            let error: JSON = [
                "code": 400, "message": "a request may hold at most 3 calls; send them in several requests", "context": "calls",
            ]
            #expect(response.json == ["error": error])
        }
    }

    /// A request with more calls than the limit is refused before its calls are built (a body
    /// long enough is skimmed first), and still with the answer a whole parse gives: its
    /// credentials are checked first, and a body that is not JSON is refused as such.
    @Test func tooManyCallsAreRefusedAsAWholeParseWouldRefuseThem() async throws {
        let limits = ServerLimits(rpc: RPCLimits(maximumCalls: 1_000))
        try await withServer(.init(port: 0, limits: limits)) { server, fixture in
            let lookup: JSON = ["id": 1, "procedure": "lookup", "arguments": [["alias": ""], "alias", ""]]
            let connection = try RawHTTPConnection(port: server.port)
            let allowed = try await connection.post("/onep:v1/rpc/process", body: fixture.rpc(Array(repeating: lookup, count: 1_000)))
            #expect(allowed.json?.arrayValue?.count == 1_000)

            let tooMany = fixture.rpc(Array(repeating: lookup, count: 1_001))
            let refused = try await connection.post("/onep:v1/rpc/process", body: tooMany)
            let error: JSON = [
                "code": 400, "message": "a request may hold at most 1000 calls; send them in several requests", "context": "calls",
            ]
            #expect(refused.json == ["error": error])

            let calls = JSON.array(Array(repeating: lookup, count: 1_001))
            let badAuth = JSON.object(["calls": calls, "auth": "x"]).utf8Bytes()
            let authFirst = try await connection.post("/onep:v1/rpc/process", body: badAuth)
            #expect(authFirst.json == ["error": ["code": 400, "message": "auth must be an object", "context": "auth"]])

            let notJSON = try await connection.post("/onep:v1/rpc/process", body: tooMany + Array(",".utf8))
            #expect(notJSON.json == ["error": ["code": -1, "message": "request body is not valid JSON"]])

            // Entries too short to be calls: the body is parsed whole, and refused the same way.
            let short = Array(#"{"auth":{"cik":"x"},"calls":[\#(Array(repeating: "1", count: 1_001).joined(separator: ","))]}"#.utf8)
            #expect(try await connection.post("/onep:v1/rpc/process", body: short).json == ["error": error])
        }
    }

    @Test func nestingPastTheLimitIsARequestError() async throws {
        let limits = ServerLimits(rpc: RPCLimits(maximumNesting: 8))
        try await withServer(.init(port: 0, limits: limits)) { server, fixture in
            var deep: JSON = "x"
            for _ in 0..<6 { deep = [deep] }
            let connection = try RawHTTPConnection(port: server.port)
            let call: JSON = ["id": 1, "procedure": "lookup", "arguments": [["alias": ""], "alias", deep]]
            let response = try await connection.post("/onep:v1/rpc/process", body: fixture.rpc([call]))
            #expect(response.json == ["error": ["code": 400, "message": "the request nests arrays and objects more than 8 deep"]])
        }
    }

    /// A body cut short (less than its `Content-Length`, then the end of the input) or malformed
    /// (bad chunked encoding) is a bad request on every route, provisioning included.
    @Test(arguments: ["/onep:v1/rpc/process", "/onep:v1/stack/alias", "/provision/manage/model/"])
    func aBrokenBodyIsABadRequest(path: String) async throws {
        try await withServer { server, fixture in
            let short = try RawHTTPConnection(port: server.port)
            try await short.send(postHead(path, length: 100, extra: ["X-Exosite-CIK: \(fixture.platform.bootstrap.rootCIK)"]) + "model=x")
            short.halfClose()
            let cut = try await short.response()
            #expect(cut.status == 400)
            #expect(cut.text == "the request body ended before its Content-Length or its last chunk\n")
            #expect(cut.headers["connection"] == "close")

            let chunked = try RawHTTPConnection(port: server.port)
            try await chunked.send(
                "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Exosite-Token: \(fixture.platform.bootstrap.vendorToken)\r\n\r\n5\r\nmodel\r\nzz\r\n")
            let malformed = try await chunked.response()
            #expect(malformed.status == 400)
            #expect(malformed.headers["connection"] == "close")
            #expect(try await chunked.waitForClose() == .closed)
        }
    }
}
