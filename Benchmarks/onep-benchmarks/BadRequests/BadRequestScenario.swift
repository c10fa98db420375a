import Foundation
import OneP
import OnePlatformServer
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory of `onep serve` under a flood of bad requests: a release `onep serve` in a child
/// process takes `total` mixed bad requests from several clients at once (see
/// ``BadRequestGenerator``), and its resident set is sampled as they go. After a warm-up the
/// resident set must stay within 10 MB.
///
/// The warm-up is the first tenth of the requests, and at least ``settling``: a client that
/// abandons a half-sent request holds its connection (about 20-25 KB of the server's memory)
/// until the body timeout, so for that long the number of connections held, and the memory they
/// take, still climbs to the level it keeps while the flood goes on.
///
/// `ONEP_BENCH_BAD_REQUESTS` sets the count (default 1,000,000), `ONEP_BENCH_SEED` the seed, and
/// `ONEP_BENCH_SERVE_BINARY` another `onep` to serve (to compare against an older build).
struct BadRequestScenario {
    let binary: String
    let directory: String
    let total: Int
    let seed: UInt64
    let clients = 8
    let sampleEvery = 50_000
    /// The server's body timeout (the longest it holds an abandoned request), its lingering close
    /// and a heap trim, with time to spare.
    static let settling = ServerLimits().bodyTimeout + .seconds(10)

    static func fromEnvironment(binary: String, directory: String) -> BadRequestScenario {
        let environment = ProcessInfo.processInfo.environment
        return BadRequestScenario(
            binary: environment["ONEP_BENCH_SERVE_BINARY"] ?? binary, directory: directory,
            total: environment["ONEP_BENCH_BAD_REQUESTS"].flatMap(Int.init) ?? 1_000_000,
            seed: environment["ONEP_BENCH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999))
    }

    func run() async throws -> [String] {
        let server = try ServedBinary(binary: binary, directory: directory + "/badrequests")
        defer { server.stop() }
        let transport = HTTPTransport(url: "http://127.0.0.1:\(server.port)")
        let rid = try await RPCClient(transport: transport, auth: .cik(server.rootCIK))
            .call(.create(.me, type: .dataport, description: ["format": "integer", "name": "target"]))
        _ = try await RPCClient(transport: transport, auth: .cik(server.rootCIK)).call(.map(.rid(rid?.stringValue ?? ""), alias: "target"))
        try await transport.shutdown()

        let flood = Flood(total: total, clients: clients)
        let started = ContinuousClock.now
        let (port, cik, seed) = (server.port, server.rootCIK, seed)
        let threads = (0..<clients).map { index in
            Thread { flood.run(client: index, port: port, generator: BadRequestGenerator(seed: seed &+ UInt64(index), cik: cik, alias: "target")) }
        }
        for thread in threads { thread.start() }
        var samples: [Sample] = [Sample(requests: 0, resident: server.residentMegabytes, time: .zero)]
        while !flood.isFinished {
            usleep(100_000)
            let sent = flood.sent
            if sent >= (samples.last?.requests ?? 0) + sampleEvery || flood.isFinished {
                samples.append(Sample(requests: min(sent, total), resident: server.residentMegabytes, time: ContinuousClock.now - started))
                FileHandle.standardError.write(Data("bad requests: \(sent) sent, server RSS \(samples.last?.resident ?? 0) MB\n".utf8))
            }
        }
        let elapsed = ContinuousClock.now - started
        let descriptors = server.openDescriptors
        flood.closeAbandoned()
        return report(samples: samples, elapsed: elapsed, flood: flood, descriptors: descriptors)
    }

    /// The server's resident set after some requests and some time.
    struct Sample {
        let requests: Int
        let resident: Int
        let time: Duration
    }

    private func report(samples: [Sample], elapsed: Duration, flood: Flood, descriptors: Int) -> [String] {
        let warmedUp = samples.firstIndex { $0.requests >= max(total / 10, 1) && $0.time >= Self.settling }
        let warmUp = samples[warmedUp ?? samples.count - 1]
        let steady = samples[(warmedUp ?? samples.count - 1)...].map(\.resident)
        let low = steady.min() ?? 0
        let high = steady.max() ?? 0
        let flat = warmedUp == nil ? "not measured, the run ended within its warm-up" : high - low <= 10 ? "yes" : "NO"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let counts = flood.statusCounts.sorted { $0.key < $1.key }.map { "\($0.key == 0 ? "none" : String($0.key)): \($0.value)" }
        var lines = [
            "bad requests: \(total) from \(clients) clients in \(String(format: "%.0f", seconds)) s "
                + "(\(String(format: "%.0f", Double(total) / seconds))/s), seed \(seed), serving \(binary)",
            "bad requests answers: \(counts.joined(separator: ", ")); hung up \(flood.hungUp), abandoned open \(flood.abandoned)",
            "bad requests server RSS: start \(samples.first?.resident ?? 0) MB, after warm-up (\(warmUp.requests) requests, \(warmUp.time.components.seconds) s) \(steady.first ?? 0) MB, "
                + "then min \(low) MB, max \(high) MB, end \(samples.last?.resident ?? 0) MB; flat within 10 MB: \(flat); "
                + "open descriptors at the end \(descriptors)",
        ]
        lines.append("bad requests RSS by requests: " + samples.map { "\($0.requests / 1000)k=\($0.resident)" }.joined(separator: " "))
        return lines
    }
}

/// The clients' shared progress: requests sent, answers by status, connections left open.
final class Flood: Sendable {
    let total: Int
    let clients: Int
    private let issued = Atomic<Int>(0)
    private let finishedClients = Atomic<Int>(0)
    // Guards the answer counts and the descriptors of abandoned connections.
    private let state = Mutex<(statuses: [Int: Int], abandoned: [Int32], hungUp: Int)>(([:], [], 0))

    init(total: Int, clients: Int) {
        self.total = total
        self.clients = clients
    }

    var sent: Int { min(issued.load(ordering: .relaxed), total) }
    var isFinished: Bool { finishedClients.load(ordering: .relaxed) == clients }
    var statusCounts: [Int: Int] { state.withLock { $0.statuses } }
    var abandoned: Int { state.withLock { $0.abandoned.count } }
    var hungUp: Int { state.withLock { $0.hungUp } }

    func closeAbandoned() {
        for descriptor in state.withLock({ $0.abandoned }) { close(descriptor) }
    }

    /// One client: takes requests off the shared count until the total is reached.
    func run(client index: Int, port: Int, generator: BadRequestGenerator) {
        defer { finishedClients.add(1, ordering: .relaxed) }
        var generator = generator
        var statuses: [Int: Int] = [:]
        let connection = RawClient(port: port)
        while issued.add(1, ordering: .relaxed).newValue <= total {
            let request = generator.next()
            // A kept-alive connection the server has just closed gets the request again on a new
            // one, as HTTP clients do; a request that a fresh connection cannot get answered counts as unanswered.
            var answer: RawClient.Answer?
            attempts: for _ in 0..<2 where answer == nil {
                let reused = connection.isOpen
                guard connection.connectIfNeeded() else { break attempts }
                guard connection.send(request.bytes) || request.ending != .answered else {
                    connection.close()
                    if reused { continue attempts } else { break attempts }
                }
                switch request.ending {
                case .answered:
                    answer = connection.response()
                    if answer == nil {
                        connection.close()
                        if !reused { break attempts }
                    }
                case .hangUp:
                    connection.close()
                    state.withLock { $0.hungUp += 1 }
                    answer = RawClient.Answer(status: -1, closes: true)
                case .abandoned:
                    let descriptor = connection.detach()
                    state.withLock { $0.abandoned.append(descriptor) }
                    answer = RawClient.Answer(status: -1, closes: false)
                }
            }
            guard let answer else {
                statuses[0, default: 0] += 1
                continue
            }
            if answer.status >= 0 { statuses[answer.status, default: 0] += 1 }
            if answer.closes { connection.close() }
        }
        state.withLock { state in
            for (status, count) in statuses { state.statuses[status, default: 0] += count }
        }
    }
}
