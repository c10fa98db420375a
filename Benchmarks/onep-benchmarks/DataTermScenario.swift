import OneP
import OnePJSON
import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Data at the terminal, in process: `read` of 1,000,000 points to CSV (rows a second, and how
/// much the resident set grows while it streams), and `plot` of 100,000 points (the whole command,
/// and the read of the same points without drawing, so the drawing's share shows).
struct DataTermScenario {
    let transport: CountingTransport
    let auth: Auth

    static let readPoints = 1_000_000
    static let plotPoints = 100_000

    func run() async throws -> [String] {
        let client = RPCClient(transport: transport, auth: auth)
        let scenarios = Scenarios(client: client, transport: transport, label: "dataterm")
        try await scenarios.makeDataport("dataterm-read")
        try await record("dataterm-read", count: Self.readPoints, client: client)
        try await scenarios.makeDataport("dataterm-plot")
        try await record("dataterm-plot", count: Self.plotPoints, client: client)

        var lines: [String] = []
        let output = DiscardingOutput()
        let shell = try makeShell(transport: transport, auth: auth, label: "dataterm", output: output.sink)
        _ = await shell.run(line: "set format csv")
        _ = await shell.run(line: "set tz America/Chicago")
        let clock = ContinuousClock()
        // The code and time-zone data the read uses are mapped in from files on first use: a short
        // read first, so what the long one adds is its own.
        guard await shell.run(line: "read dataterm-read --limit 100 --sort asc").succeeded else { throw BenchmarkFailure("warm-up read failed") }
        let before = output.lineCount
        let resident = PeakResident.start()
        let partsBefore = PeakResident.parts()
        let cpuBefore = Self.cpuSeconds()
        let elapsed = try await clock.measure {
            let outcome = await shell.run(line: "read dataterm-read --limit all --sort asc")
            guard outcome.succeeded else { throw BenchmarkFailure("read failed: \(output.stderr)") }
        }
        let cpu = Self.cpuSeconds() - cpuBefore
        let growth = resident.stop()
        let partsAfter = PeakResident.parts()
        PeakResident.trim()
        let anonymousTrimmed = PeakResident.parts().anonymous
        guard output.lineCount - before == Self.readPoints + 1 else { throw BenchmarkFailure("read printed \(output.lineCount - before) lines") }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        lines.append(
            "dataterm read of 1,000,000 points to csv (local human times): \(Int(Double(Self.readPoints) / seconds)) rows/s, "
                + "\(Int(seconds * 1000)) ms, peak RSS growth \(growth / 1024) MB (anonymous \(resident.anonymousGrowth / 1024) MB); CPU (user+system, all threads) \(Int(cpu * 1000)) ms, "
                + "\(Int(Double(Self.readPoints) / cpu)) rows per CPU second; after it the heap (RssAnon) is "
                + "\((partsAfter.anonymous - partsBefore.anonymous) / 1024) MB above its start, \((anonymousTrimmed - partsBefore.anonymous) / 1024) MB "
                + "after malloc_trim; file pages \((partsAfter.file - partsBefore.file) / 1024) MB, shared \((partsAfter.shared - partsBefore.shared) / 1024) MB"
        )

        _ = await shell.run(line: "set format text")
        var plots: [Duration] = []
        var reads: [Duration] = []
        var plotCPU: [Double] = []
        for _ in 0..<5 {
            let cpuStart = Self.cpuSeconds()
            plots.append(
                try await clock.measure {
                    guard await shell.run(line: "plot dataterm-plot --start 0").succeeded else {
                        throw BenchmarkFailure("plot failed: \(output.stderr)")
                    }
                })
            plotCPU.append(Self.cpuSeconds() - cpuStart)
            reads.append(
                try await clock.measure {
                    guard await shell.run(line: "read dataterm-plot --start 0 --timeformat unix").succeeded else {
                        throw BenchmarkFailure("read failed: \(output.stderr)")
                    }
                })
        }
        let plot = plots.min() ?? .zero
        let read = reads.min() ?? .zero
        lines.append(
            "dataterm plot of 100,000 points: \(plot.milliseconds) ms (best of 5), CPU \(Int((plotCPU.min() ?? 0) * 1000)) ms; "
                + "the read of the same points as text: \(read.milliseconds) ms")
        await shell.shutdown()
        return lines
    }

    /// User and system time of the whole process so far: on a machine shared with other work,
    /// the cost of a step apart from the time spent waiting for a core.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    private func record(_ alias: String, count: Int, client: RPCClient) async throws {
        for start in stride(from: 1, through: count, by: 10_000) {
            let entries = (start..<min(start + 10_000, count + 1)).map { ($0 * 10, JSON.int($0 % 977)) }
            _ = try await client.call(.recordbatch(.alias(alias), entries))
        }
    }
}

extension Duration {
    fileprivate var milliseconds: Int {
        Int(components.seconds * 1000) + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
