import Foundation
import OneP
import OnePJSON
import Shell

/// `record RES --file big.csv` through the shell with 200,000 lines: the requests it makes (a
/// recordbatch per chunk) and how far this process's resident set grows while it runs, which stays
/// near a chunk's worth when the file is streamed rather than read whole.
struct RecordFileScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String
    let directory: String

    static let lines = 200_000
    /// The points per recordbatch request the shell's record sends.
    static let chunk = 5_000

    func run() async throws -> String {
        let alias = "record-\(label)"
        try await Scenarios(client: RPCClient(transport: transport, auth: auth), transport: transport, label: label).makeDataport(alias)
        let path = directory + "/\(alias).csv"
        try Self.writeFile(path)
        defer { try? FileManager.default.removeItem(atPath: path) }

        let buffer = OutputBuffer()
        let shell = try makeShell(transport: transport, auth: auth, label: label, output: .capturing(buffer))
        _ = await shell.run(line: "pwd")
        _ = buffer.take()
        let resident = PeakResident.start()
        let measurement = try await measure(
            "\(label) record --file of 200,000 lines", transport: transport, calls: 0, points: Self.lines
        ) {
            let outcome = await shell.run(line: "record \(alias) --file \(path)")
            guard outcome.succeeded else { throw BenchmarkFailure("record failed: \(buffer.stderr)") }
        }
        let growth = resident.stop()
        await shell.shutdown()
        guard buffer.stdout == "recorded \(Self.lines) points\n" else { throw BenchmarkFailure("record said: \(buffer.stdout)") }
        return measurement.line + ", resident memory +\(growth / 1024) MB; "
            + "the same points sent directly: +\(try await directGrowth(alias: alias + "-direct") / 1024) MB"
    }

    /// The resident growth of recording the same points without the shell or the file, in the same
    /// chunks: what the platform in this process and the client take, to set the shell's share against.
    private func directGrowth(alias: String) async throws -> Int {
        let client = RPCClient(transport: transport, auth: auth)
        try await Scenarios(client: client, transport: transport, label: label).makeDataport(alias)
        let resident = PeakResident.start()
        for start in stride(from: 1, through: Self.lines, by: Self.chunk) {
            let entries = (start..<start + Self.chunk).map { (1_600_000_000 + $0, JSON.int($0 % 1000)) }
            _ = try await client.call(.recordbatch(.alias(alias), entries))
        }
        return resident.stop()
    }

    /// A CSV file of a header and `lines` points.
    static func writeFile(_ path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkFailure("cannot write \(path)")
        }
        defer { try? handle.close() }
        try handle.write(contentsOf: Data("timestamp,value\n".utf8))
        for start in stride(from: 1, through: lines, by: 10_000) {
            let text = (start..<start + 10_000).map { "\(1_600_000_000 + $0),\($0 % 1000)\n" }.joined()
            try handle.write(contentsOf: Data(text.utf8))
        }
    }
}
