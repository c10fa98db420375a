import Foundation
import OneP
import OnePJSON
import Shell

/// A script of many small commands through the shell on the embedded platform: creates, writes and
/// reads of dataports under a client that has 300 siblings, each command naming its resource by a
/// path from the root (`work/d17`). It reports the time and the requests per command, which once the
/// paths are known should be one: the command's own.
struct ShellScriptScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String

    /// How many commands the script runs; `ONEP_BENCH_SCRIPT_COMMANDS` overrides it.
    static var commands: Int {
        ProcessInfo.processInfo.environment["ONEP_BENCH_SCRIPT_COMMANDS"].flatMap(Int.init) ?? 10_000
    }
    static let siblings = 300

    func run() async throws -> String {
        let client = RPCClient(transport: transport, auth: auth)
        let container = "script-\(label)"
        let rootRID = try await make(container, under: .me, client: client)
        let calls = (0..<Self.siblings).map { Call.create(.rid(rootRID), type: .client, description: Self.clientDescription("s\($0)")) }
        for result in try await client.batch(calls) { _ = try result.get() }
        _ = try await make("work", under: .rid(rootRID), client: client)

        let output = DiscardingOutput()
        let shell = try makeShell(transport: transport, auth: auth, label: label, output: output.sink)
        guard await shell.run(line: "cd \(container)").succeeded else { throw BenchmarkFailure("cd failed: \(output.stderr)") }
        let lines = Self.script(commands: Self.commands)
        let measurement = try await measure(
            "\(label) script of \(lines.count) commands under a client with \(Self.siblings) siblings", transport: transport, calls: lines.count,
            points: 0
        ) {
            let status = await shell.runScript(lines: lines)
            guard status == 0 else { throw BenchmarkFailure("the script failed: \(output.stderr.suffix(500))") }
        }
        await shell.shutdown()
        let perCommand = Double(measurement.requests) / Double(lines.count)
        let microseconds = measurement.seconds * 1e6 / Double(lines.count)
        return measurement.line + String(format: "; %.2f requests and %.0f µs per command", perCommand, microseconds)
    }

    /// One create in ten, then writes and reads of dataports made so far, picked without a pattern.
    static func script(commands: Int) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(commands)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in 0..<commands {
            let made = index / 10 + 1
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int((state >> 33) % UInt64(made))
            switch index % 10 {
            case 0: lines.append("create dataport work/d\(index / 10) --format integer")
            case 1...4: lines.append("write work/d\(pick) \(index)")
            default: lines.append("read work/d\(pick)")
            }
        }
        return lines
    }

    private func make(_ name: String, under parent: ResourceID, client: RPCClient) async throws -> String {
        let rid = try await client.call(.create(parent, type: .client, description: Self.clientDescription(name)))
        guard let rid = rid?.stringValue else { throw BenchmarkFailure("create answered no RID") }
        return rid
    }

    /// Clients inherit their owner's limits so that they may hold children of their own.
    static func clientDescription(_ name: String) -> JSON {
        let kinds = ["client", "dataport", "datarule", "dispatch", "disk", "share"]
        return ["name": .string(name), "limits": .object(JSONObject(kinds.map { ($0, JSON.string("inherit")) }))]
    }
}
