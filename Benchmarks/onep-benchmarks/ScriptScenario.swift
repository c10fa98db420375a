import Foundation
import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform

#if canImport(Glibc)
    import Glibc
#endif

/// Scripts at scale: a thousand scripts each waiting on its own dataport, how soon a write to
/// one reaches its script and the script's output is readable, what an idle waiting script costs
/// in memory, and how promptly a read is answered while a script computes without end.
struct ScriptScenario {
    let platform: Platform
    let url: String
    let auth: Auth
    let scripts = 1000

    func run() async throws -> [String] {
        let inProcess = RPCClient(transport: InProcessTransport(platform: platform), auth: auth)
        let http = HTTPTransport(url: url)
        defer { Task { try? await http.shutdown() } }
        let overHTTP = RPCClient(transport: http, auth: auth)
        var lines: [String] = []
        // Four hundred scripts first, for the HTTP and runaway rounds (each round uses scripts of its
        // own: a second write to an input within the same second replaces the point its script
        // has seen, so the script would not wake). They also warm up the database's caches and
        // the runner, so the memory measured next is what the thousand scripts themselves take.
        let others = try await makeDataports(inProcess, count: 400)
        try await startScripts(others, inProcess)
        let pairs = try await makeDataports(inProcess, count: scripts)
        let before = Self.trimmedResidentKilobytes()
        let memory = PeakResident.start()
        try await startScripts(pairs, inProcess)
        let peak = memory.stop()
        let idle = Self.trimmedResidentKilobytes() - before
        guard platform.waitingScriptCount == scripts + others.count else {
            throw OnePError.malformedAnswer("\(platform.waitingScriptCount) of \(scripts + others.count) scripts are waiting")
        }
        lines.append(
            "\(scripts) idle waiting scripts: resident set \(idle) kB larger once all wait (\(idle / scripts) kB per script), "
                + "at most \(peak) kB larger while they were created and started (\(peak / scripts) kB per script)")

        lines.append(try await latency(inProcess, pairs, label: "in-process", value: 1))
        lines.append(try await latency(overHTTP, Array(others[0..<200]), label: "http", value: 2))

        let runawayRule: JSON = ["format": "string", "rule": ["script": "local n = 0 while true do n = n + 1 end"]]
        let runaway = try await inProcess.call(Call.create(.me, type: .datarule, description: runawayRule))
        guard let runaway = runaway?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
        lines.append(try await reads(inProcess, pairs[0].output, label: "in-process"))
        lines.append(try await reads(overHTTP, pairs[0].output, label: "http"))
        lines.append(try await latency(inProcess, Array(others[200..<400]), label: "in-process, with a runaway script,", value: 3))
        _ = try await inProcess.call(Call.drop(.rid(runaway)))
        return lines
    }

    /// One script per pair, each waiting on its input and writing what arrives to its output.
    private func startScripts(_ pairs: [(input: String, output: String)], _ client: RPCClient) async throws {
        let sources = pairs.map { pair in
            "local input, output = alias[{rid = '\(pair.input)'}], alias[{rid = '\(pair.output)'}]\n"
                + "while true do local ts = input.wait() output.value = input[ts] end"
        }
        for chunk in stride(from: 0, to: sources.count, by: 100) {
            let calls = sources[chunk..<min(chunk + 100, sources.count)].map { source in
                Call.create(.me, type: .datarule, description: ["format": "string", "rule": ["script": .string(source)]])
            }
            for result in try await client.batch(calls) { _ = try result.get() }
        }
        try await platform.settle()
    }

    private func makeDataports(_ client: RPCClient, count: Int) async throws -> [(input: String, output: String)] {
        var rids: [String] = []
        for _ in 0..<(count * 2 / 100) {
            let calls = (0..<100).map { _ in Call.create(.me, type: .dataport, description: ["format": "integer"]) }
            for result in try await client.batch(calls) {
                guard let rid = try result.get()?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
                rids.append(rid)
            }
        }
        return stride(from: 0, to: rids.count, by: 2).map { (rids[$0], rids[$0 + 1]) }
    }

    /// For each pair: a `wait` on the output is in place, the input is written, and the time until
    /// the wait answers with the script's output is taken.
    private func latency(_ client: RPCClient, _ pairs: [(input: String, output: String)], label: String, value: Int) async throws -> String {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for pair in pairs {
            let waiting = Task { try await client.call(.wait(.rid(pair.output), timeoutMilliseconds: 10_000)) }
            await platform.untilSuspendedWaits(are: 1)
            let sent = clock.now
            _ = try await client.call(.write(.rid(pair.input), value: .int(value)))
            let answer = try await waiting.value
            samples.append(clock.now - sent)
            guard try Point(pair: answer ?? .null).value == .int(value) else {
                throw OnePError.malformedAnswer("the output answered \(String(describing: answer))")
            }
        }
        return "\(label) write to a script's input until its output is read, \(samples.count) scripts: " + Self.summary(samples)
    }

    /// 1,000 reads one after the other while a script computes without end.
    private func reads(_ client: RPCClient, _ rid: String, label: String) async throws -> String {
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<1000 {
            let start = clock.now
            _ = try await client.call(.read(.rid(rid), ReadOptions(limit: 1)))
            samples.append(clock.now - start)
        }
        return "\(label) read with a runaway script running, 1000 reads: " + Self.summary(samples)
    }

    /// The resident set after the allocator handed back what it keeps free (glibc's malloc_trim).
    static func trimmedResidentKilobytes() -> Int {
        #if canImport(Glibc)
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
                typealias Trim = @convention(c) (Int) -> Int32
                _ = unsafeBitCast(symbol, to: Trim.self)(0)
            }
        #endif
        return ResidentSampler.residentKilobytes()
    }

    static func summary(_ samples: [Duration]) -> String {
        let sorted = samples.map { duration -> Double in
            let (whole, fraction) = duration.components
            return (Double(whole) + Double(fraction) / 1e18) * 1000
        }.sorted()
        func percentile(_ p: Double) -> String {
            String(format: "%.2f", sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)])
        }
        return "median \(percentile(0.5)) ms, p99 \(percentile(0.99)) ms, max \(String(format: "%.2f", sorted.last ?? 0)) ms"
    }
}
