import OneP
import OnePJSON
import Shell

/// `read` through the shell, rendered as a text table to a sink that throws it away: 100,000 points
/// of one resource, and 100,000 points spread over 10 resources merged into one table by timestamp
/// (each resource at its own instants, so every row holds one value).
struct ShellReadScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String

    static let points = 100_000

    func run() async throws -> [Measurement] {
        let client = RPCClient(transport: transport, auth: auth)
        let scenarios = Scenarios(client: client, transport: transport, label: label)
        let single = "shellread-\(label)"
        try await scenarios.makeDataport(single)
        try await record(single, timestamps: Array(1...Self.points), client: client)
        let merged = (0..<10).map { "merged-\(label)-\($0)" }
        for (index, alias) in merged.enumerated() {
            try await scenarios.makeDataport(alias)
            try await record(alias, timestamps: (0..<Self.points / 10).map { $0 * 10 + index + 1 }, client: client)
        }
        return [
            try await read("\(label) shell read of 100,000 points", words: [single], limit: Self.points),
            try await read("\(label) shell read of 10 resources merged, 100,000 points", words: merged, limit: Self.points / 10),
        ]
    }

    private func read(_ name: String, words: [String], limit: Int) async throws -> Measurement {
        let output = DiscardingOutput()
        let shell = try makeShell(transport: transport, auth: auth, label: label, output: output.sink)
        _ = await shell.run(line: "pwd")
        let line = "read \(words.joined(separator: " ")) --limit \(limit) --sort asc"
        let before = output.lineCount
        let measurement = try await measure(name, transport: transport, calls: words.count, points: Self.points) {
            let outcome = await shell.run(line: line)
            guard outcome.succeeded else { throw BenchmarkFailure("\(line) failed: \(output.stderr)") }
        }
        await shell.shutdown()
        // A header line, then one row per point.
        guard output.lineCount - before == Self.points + 1 else { throw BenchmarkFailure("\(line) printed \(output.lineCount - before) lines") }
        return measurement
    }

    private func record(_ alias: String, timestamps: [Int], client: RPCClient) async throws {
        for start in stride(from: 0, to: timestamps.count, by: 10_000) {
            let entries = timestamps[start..<min(start + 10_000, timestamps.count)].map { ($0, JSON.int($0 % 1000)) }
            _ = try await client.call(.recordbatch(.alias(alias), entries))
        }
    }
}
