import Foundation
import OneP
import OnePJSON
import Synchronization
import TestSupport
import Testing

/// Several real `onep` processes on one data directory: a change committed by any of them ends
/// waits in the others, exactly one of them runs the scripts, and when it dies (kill -9) another
/// takes over. The bounds are generous on purpose (a busy machine must not fail them); how fast a
/// wait ends is the `crossprocess` benchmark's figure.
@Suite(.serialized, .timeLimit(.minutes(2))) struct SharedDataDirectoryTests {
    static let curlAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")

    /// A dataport named and aliased `alias` under the root client.
    private func dataport(_ client: RPCClient, _ alias: String) async throws -> String {
        let created = try await client.call(.create(.me, type: .dataport, description: ["format": "integer", "name": .string(alias)]))
        let rid = try #require(created?.stringValue)
        _ = try await client.call(.map(.rid(rid), alias: alias))
        return rid
    }

    @Test func aWaitInOneServerEndsOnAWriteThroughAnother() async throws {
        let directory = try TemporaryDirectory()
        let first = try await StartedServe.start(directory: directory.url)
        let second = try await StartedServe.start(directory: directory.url)
        let (one, two) = (HTTPTransport(url: first.url), HTTPTransport(url: second.url))
        let writer = RPCClient(transport: one, auth: .cik(first.rootCIK))
        let waiter = RPCClient(transport: two, auth: .cik(second.rootCIK))
        #expect(first.rootCIK == second.rootCIK)
        _ = try await dataport(writer, "temp")
        for timestamp in 1...3 {
            // Since the second before, so a wait that reaches the second server only after the point
            // (a loaded machine) answers it at once; most are suspended by then and woken by the log.
            let waiting = Task { try await waiter.call(.wait(.alias("temp"), timeoutMilliseconds: 30_000, since: timestamp - 1)) }
            try await Task.sleep(for: .milliseconds(100))
            _ = try await writer.call(.record(.alias("temp"), [(timestamp, .int(timestamp * 10))]))
            let answer = try await waiting.value
            #expect(answer == [.int(timestamp), .int(timestamp * 10)], "wait answered \(String(describing: answer))")
        }
        try await one.shutdown()
        try await two.shutdown()
        #expect(try await first.process.stop() == 0)
        #expect(try await second.process.stop() == 0)
    }

    @Test(.enabled(if: curlAvailable)) func aLongPollOnTheServerEndsOnAOneShotOnepWrite() async throws {
        let directory = try TemporaryDirectory()
        let serve = try await StartedServe.start(directory: directory.url)
        let transport = HTTPTransport(url: serve.url)
        let root = RPCClient(transport: transport, auth: .cik(serve.rootCIK))
        _ = try await dataport(root, "temp")
        // Since a second ago, so a poll that reaches the server only after the write answers it at once.
        let since = Int(Date().timeIntervalSince1970) - 1
        let polling = Task {
            try await curl([
                "\(serve.url)/onep:v1/stack/alias?temp", "-H", "X-Exosite-CIK: \(serve.rootCIK)", "-H", "Request-Timeout: 30000",
                "-H", "If-Modified-Since: \(since)",
            ])
        }
        try await Task.sleep(for: .milliseconds(100))
        let written = try await OneShotOnep.run(["--data", directory.path, "-c", "write temp 42"], home: directory.path)
        #expect(written.status == 0, "\(written)")
        let answer = try await polling.value
        #expect(answer.status == 200)
        #expect(answer.body == "temp=42")
        try await transport.shutdown()
        #expect(try await serve.process.stop() == 0)
    }

    static let echo = """
        debug('started')
        while true do
          local ts = alias['in'].wait()
          alias['out'][ts] = alias['in'][ts] * 10
        end
        """

    @Test func oneServerRunsTheScriptsAndAnotherTakesOverAfterKillNine() async throws {
        let directory = try TemporaryDirectory()
        let owner = try await StartedServe.start(directory: directory.url)
        let other = try await StartedServe.start(directory: directory.url)
        let transport = HTTPTransport(url: other.url)
        let client = RPCClient(transport: transport, auth: .cik(other.rootCIK))
        for alias in ["in", "out"] { _ = try await dataport(client, alias) }
        let description: JSON = ["format": "string", "name": "echo", "rule": ["script": .string(Self.echo)]]
        let script = try #require(try await client.call(.create(.me, type: .datarule, description: description))?.stringValue)

        // A one-shot onep names the server that runs them.
        let said = try await OneShotOnep.run(["--data", directory.path, "-c", "whoami"], home: directory.path)
        #expect(said.stdout.contains("timers and scripts: onep serve (pid \(owner.pid))"), "\(said)")

        // Written through the other server, computed by the script in the owner.
        #expect(try await echoes(1, through: client) == 10)
        #expect(try await startLines(script, client) == 1)

        try await owner.kill()
        // The other server takes over within about a second: the script starts again from the top.
        #expect(try await eventually(within: 30) { try await startLines(script, client) == 2 })
        #expect(try await echoes(2, through: client) == 20)
        let now = try await OneShotOnep.run(["--data", directory.path, "-c", "whoami"], home: directory.path)
        #expect(now.stdout.contains("timers and scripts: onep serve (pid \(other.pid))"), "\(now)")
        try await transport.shutdown()
        #expect(try await other.process.stop() == 0)
    }

    /// Writes `value` to `in` and answers what the script wrote to `out` for it.
    private func echoes(_ value: Int, through client: RPCClient) async throws -> Int? {
        let latest = try await client.points(.alias("out"), ReadOptions(limit: 1)).first?.timestamp ?? 0
        let waiting = Task { try await client.call(.wait(.alias("out"), timeoutMilliseconds: 30_000, since: latest)) }
        // A second apart: a second point within one second replaces the one the script has seen.
        try await Task.sleep(for: .milliseconds(1100))
        _ = try await client.call(.write(.alias("in"), value: .int(value)))
        return try await waiting.value?[1]?.intValue
    }

    /// How many times the script's log says it started.
    private func startLines(_ script: String, _ client: RPCClient) async throws -> Int {
        let log = try await client.points(.rid(script), ReadOptions(sort: .asc, limit: 100))
        return log.compactMap { $0.value.stringValue }.flatMap { $0.split(separator: "\n") }.filter { $0.hasSuffix("started") }.count
    }
}

/// The built `onep` run once to its end, as a script would run it.
enum OneShotOnep {
    struct Result: CustomStringConvertible {
        let status: Int32
        let stdout: String
        let stderr: String

        var description: String { "status \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// Runs `onep ARGUMENTS` with its home and XDG directories under `home`.
    static func run(_ arguments: [String], home: String) async throws -> Result {
        try await offThread {
            let process = Process()
            process.executableURL = ServeProcess.executable
            process.arguments = arguments
            process.environment = [
                "PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_STATE_HOME": home + "/state",
                "XDG_DATA_HOME": home + "/share", "NO_COLOR": "1",
            ]
            let (output, errors) = (Pipe(), Pipe())
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Standard error is read on a thread of its own, so a full pipe never blocks the process.
            let errorText = CollectedText()
            let errorRead = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                let data = errors.fileHandleForReading.readDataToEndOfFile()
                errorText.set(String(decoding: data, as: UTF8.self))
                errorRead.signal()
            }
            let outputData = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            errorRead.wait()
            return Result(
                status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                stderr: errorText.text)
        }
    }
}

/// Text a reader thread collected.
private final class CollectedText: Sendable {
    // Guards the text between the reader thread and the test.
    private let collected = Mutex("")

    func set(_ text: String) { collected.withLock { $0 = text } }
    var text: String { collected.withLock { $0 } }
}
