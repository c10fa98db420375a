import Foundation
import OneP
import OnePJSON
import OnePlatformServer
import Synchronization
import Testing

/// The debug log of ``HTTPTransport``: one `curl` line per request, which really replays it.
@Suite struct DebugLogTests {
    private final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    private func logged(revealSecrets: Bool, _ fixture: PlatformFixture, server: RunningPlatformServer) async throws -> [String] {
        let log = Lines()
        let transport = HTTPTransport(url: server.url, debugLog: { log.append($0) }, revealSecrets: revealSecrets)
        let client = RPCClient(transport: transport, auth: fixture.rootAuth)
        _ = try await client.call(.lookup(.me, .alias("")))
        _ = try await client.batch([.listing(.me), .info(.me, options: [.basic])])
        try await transport.shutdown()
        return log.all
    }

    @Test func logsEachRequestWithTheCIKMasked() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let lines = try await logged(revealSecrets: false, fixture, server: server)
        try await server.stop()
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("curl -X POST '\(server.url)/onep:v1/rpc/process'") })
        #expect(lines.allSatisfy { !$0.contains(fixture.platform.bootstrap.rootCIK) })
    }

    @Test func loggedLineReplaysTheRequestWithCurl() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let server = try await RunningPlatformServer.start(platform: fixture.platform)
        let line = try #require(try await logged(revealSecrets: true, fixture, server: server).first)
        let output = try await offThread { () throws -> String in
            let shell = Process()
            let pipe = Pipe()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", line + " --silent"]
            shell.standardOutput = pipe
            try shell.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            shell.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        try await server.stop()
        let answer = try JSON(parsing: output)
        #expect(answer == [["id": 0, "status": "ok", "result": .string(fixture.platform.bootstrap.rootRID)]])
    }
}
