import Foundation
import OneP
import TestSupport
import Testing

/// `onep serve` as a user runs it: the built binary in a child process.
@Suite(.serialized) struct ServeCommandTests {
    private func isHex40(_ text: Substring) -> Bool {
        text.count == 40 && text.allSatisfy(\.isHexDigit)
    }

    /// Starts `onep serve` on a free port and answers its four start lines.
    private func start(_ directory: URL) async throws -> (ServeProcess, [String]) {
        let serve = try ServeProcess(["--port", "0", "--data", directory.path])
        return (serve, try await serve.lines(4))
    }

    @Test func printsItsStartLinesAndAnswersOnThePort() async throws {
        let directoryTemporary = try TemporaryDirectory()
        let directory = directoryTemporary.url
        let (serve, lines) = try await start(directory)
        do {
            try #require(lines.count == 4, "start lines: \(lines)")
            #expect(lines[0].hasPrefix("root cik: ") && isHex40(lines[0].dropFirst("root cik: ".count)))
            #expect(lines[1].hasPrefix("vendor: ") && lines[1].count > "vendor: ".count)
            #expect(lines[2].hasPrefix("vendor token: ") && isHex40(lines[2].dropFirst("vendor token: ".count)))
            #expect(lines[3].hasPrefix("listening on http://127.0.0.1:"))
            let url = String(lines[3].dropFirst("listening on ".count))
            #expect(!url.hasSuffix(":0"))

            let transport = HTTPTransport(url: url)
            let client = RPCClient(transport: transport, auth: .cik(String(lines[0].dropFirst("root cik: ".count))))
            let me = try await client.call(.lookup(.me, .alias("")))
            try await transport.shutdown()
            #expect(me?.stringValue.map { isHex40(Substring($0)) } == true)
        } catch {
            _ = try await serve.stop()
            throw error
        }
        #expect(try await serve.stop() == 0)
    }

    @Test func restartOnTheSameDirectoryKeepsTheRootCIK() async throws {
        let directoryTemporary = try TemporaryDirectory()
        let directory = directoryTemporary.url
        let (first, firstLines) = try await start(directory)
        first.process.interrupt()
        #expect(try await first.exitStatus() == 0)
        let (second, secondLines) = try await start(directory)
        #expect(try await second.stop() == 0)
        try #require(firstLines.count == 4 && secondLines.count == 4)
        #expect(firstLines[0] == secondLines[0])
        #expect(firstLines[2] == secondLines[2])
    }

    @Test func portInUseExitsOneWithOneLine() async throws {
        let directoryTemporary = try TemporaryDirectory()
        let directory = directoryTemporary.url
        let (first, lines) = try await start(directory)
        defer { first.process.terminate() }
        try #require(lines.count == 4)
        let port = String(lines[3].split(separator: ":").last ?? "")
        let otherTemporary = try TemporaryDirectory()
        let other = otherTemporary.url
        let second = try ServeProcess(["--port", port, "--data", other.path])
        #expect(try await second.exitStatus() == 1)
        let errorLines = try await second.errorText().split(separator: "\n")
        #expect(errorLines == ["onep serve: cannot listen on 127.0.0.1:\(port): the address is already in use"])
    }

    @Test func unusableDataDirectoryExitsOneWithOneLine() async throws {
        let temporary = try TemporaryDirectory()
        let file = temporary.url.appendingPathComponent("plain-file")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        let serve = try ServeProcess(["--port", "0", "--data", file.appendingPathComponent("data").path])
        #expect(try await serve.exitStatus() == 1)
        let errorLines = try await serve.errorText().split(separator: "\n")
        #expect(errorLines.count == 1)
        #expect(errorLines.first?.hasPrefix("onep serve: cannot use data directory ") == true)
    }

    @Test func dataDirectoryComesFromTheEnvironment() async throws {
        let directoryTemporary = try TemporaryDirectory()
        let directory = directoryTemporary.url
        let serve = try ServeProcess(["--port", "0"], environment: ["ONEP_DATA": directory.path + "/env"])
        let lines = try await serve.lines(4)
        #expect(try await serve.stop() == 0)
        #expect(lines.count == 4)
        let created = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/env")
        #expect(!created.isEmpty)
    }
}
