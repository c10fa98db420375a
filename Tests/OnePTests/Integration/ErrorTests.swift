import OneP
import OnePJSON
import OnePlatformServer
import Testing

/// Each way a request can fail arrives as its own kind of ``OnePError``.
@Suite struct ErrorTests {
    @Test(arguments: Route.allCases) func unknownCIKIsRejectedForTheWholeRequest(route: Route) async throws {
        try await withPlatform(route) { root, _ in
            let stranger = root.with(auth: .cik(String(repeating: "0", count: 40)))
            let error = try await expectOnePError { _ = try await stranger.batch([.info(.me), .listing(.me)]) }
            #expect(error.kind == .requestFailed)
            #expect(error.isAuthRejected)
            #expect(error.requestCode == 401)
            #expect(!error.isUnreachable)
        }
    }

    @Test(arguments: Route.allCases) func failedCallsKeepTheirStatusInABatch(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let rid = try await client.makeDataport("ok", format: "integer")
            let stranger = String(repeating: "a", count: 40)
            let results = try await client.batch([.write(.rid(rid), value: 1), .read(.rid(stranger)), .write(.alias("missing"), value: 1)])
            #expect(results.map(\.call.procedure) == ["write", "read", "write"])
            #expect(results[0].status == .ok)
            #expect(!results[1].status.isOK)
            #expect(!results[2].status.isOK)
            let error = try #require(throws: OnePError.self) { try results[1].get() }
            #expect(error.kind == .callFailed)
            #expect(error.procedure == "read")
            #expect(error.callStatus == results[1].status)
            #expect(error.description.hasPrefix("read failed: "))
        }
    }

    @Test(arguments: Route.allCases) func unknownProcedureFailsItsCallOnly(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let results = try await client.batch([Call(procedure: "nosuchprocedure", arguments: []), .lookup(.me, .alias(""))])
            #expect(!results[0].status.isOK)
            #expect(results[1].status == .ok)
        }
    }

    @Test func unreachableHost() async throws {
        let transport = HTTPTransport(url: "http://127.0.0.1:\(try RawSockets.closedPort())", timeout: .seconds(5))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: .cik("k")).call(.info(.me))
        }
        try await transport.shutdown()
        #expect(error.kind == .unreachable)
        #expect(error.isUnreachable)
        #expect(error.isTransportFailure)
        #expect(error.description.hasPrefix("cannot reach http://127.0.0.1:"))
    }

    @Test func serverThatNeverAnswersTimesOut() async throws {
        let server = try MisbehavingServer(answer: nil)
        defer { server.stop() }
        let transport = HTTPTransport(url: server.url, timeout: .milliseconds(300))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: .cik("k")).call(.info(.me))
        }
        try await transport.shutdown()
        #expect(error.kind == .timedOut)
        #expect(error.isTransportFailure)
    }

    @Test func answerThatIsNotJSONIsMalformed() async throws {
        let body = "<html>gateway</html>"
        let answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        let server = try MisbehavingServer(answer: Array(answer.utf8))
        defer { server.stop() }
        let transport = HTTPTransport(url: server.url, timeout: .seconds(5))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: .cik("k")).call(.info(.me))
        }
        try await transport.shutdown()
        #expect(error.kind == .malformedAnswer)
    }

    @Test func answerMissingACallIsMalformed() async throws {
        let body = #"[{"id":0,"status":"ok","result":1}]"#
        let answer = "HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        let server = try MisbehavingServer(answer: Array(answer.utf8))
        defer { server.stop() }
        let transport = HTTPTransport(url: server.url, timeout: .seconds(5))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: .cik("k")).batch([.info(.me), .info(.me)])
        }
        try await transport.shutdown()
        #expect(error.kind == .malformedAnswer)
        #expect(error.description.contains("no answer to call 1"))
    }

    /// A server that does not know the RPC path is not a One Platform (issue 13 item 5): a
    /// transport failure, which the shell reports with exit status 3.
    @Test func wrongPathIsNotAOnePlatform() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: server.url + "/elsewhere")
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: fixture.rootAuth).call(.info(.me))
        }
        try await transport.shutdown()
        try await server.stop()
        #expect(error.kind == .unreachable)
        #expect(error.description.contains("404"))
        #expect(error.description.contains("not a One Platform"))
    }

    @Test func httpsToAPlainServerFailsTheTLSHandshake() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let transport = HTTPTransport(url: "https://127.0.0.1:\(server.port)", timeout: .seconds(5))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: fixture.rootAuth).call(.info(.me))
        }
        try await transport.shutdown()
        try await server.stop()
        #expect(error.kind == .tls)
        #expect(error.isTransportFailure)
    }

    @Test func serverThatHangsUpIsAClosedConnection() async throws {
        let server = try MisbehavingServer(answer: [])
        defer { server.stop() }
        let transport = HTTPTransport(url: server.url, timeout: .seconds(5))
        let error = try await expectOnePError {
            _ = try await RPCClient(transport: transport, auth: .cik("k")).call(.info(.me))
        }
        try await transport.shutdown()
        #expect(error.kind == .connectionClosed)
        #expect(error.isTransportFailure)
    }
}
