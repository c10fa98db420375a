import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform

/// Two processes on one data directory: this one (its platform) and an `onep serve` child opened
/// on the same directory. A `wait` held in one process is ended by a point recorded through the
/// other, both ways round: how long from the record being sent to the wait's answer arriving
/// (the target is 100 ms; a follower polls every 20 ms while anything waits).
///
/// Each round records one second later than the last and waits `since` the second before, so a
/// wait that reaches the server after the point (the server's wait gets a 100 ms head start, which
/// a loaded machine may not honour) answers at once instead of waiting for a point that never
/// comes: a wait that expires is a lost wake-up, and the scenario lists it.
struct CrossProcessScenario {
    let platform: Platform
    let binary: String
    let directory: String
    let rounds = 200

    func run() async throws -> [String] {
        let served = try ServedBinary(binary: binary, directory: directory)
        defer { served.stop() }
        let auth = Auth.cik(platform.bootstrap.rootCIK)
        let http = HTTPTransport(url: "http://127.0.0.1:\(served.port)")
        let here = RPCClient(transport: InProcessTransport(platform: platform), auth: auth)
        let there = RPCClient(transport: http, auth: auth)
        let created = try await here.call(.create(.me, type: .dataport, description: ["format": "integer", "name": "crossprocess"]))
        guard let rid = created?.stringValue else { throw BenchmarkFailure("create answered no RID") }
        var servedWaits: [Duration] = []
        var localWaits: [Duration] = []
        var missed: [String] = []
        for round in 0..<rounds {
            // This process sees its own wait suspended; the server's can only be given a head start.
            let served = try await release(waiter: there, writer: here, rid: rid, at: 1 + 2 * round) {
                try await Task.sleep(for: .milliseconds(100))
            }
            if let served { servedWaits.append(served) } else { missed.append("served round \(round)") }
            let local = try await release(waiter: here, writer: there, rid: rid, at: 2 + 2 * round) { await platform.untilSuspendedWaits(are: 1) }
            if let local { localWaits.append(local) } else { missed.append("local round \(round)") }
        }
        try await http.shutdown()
        return [
            "crossprocess wait in onep serve, point recorded in another process: \(ScriptScenario.summary(servedWaits)) over \(servedWaits.count) points",
            "crossprocess wait in this process, point recorded through onep serve: \(ScriptScenario.summary(localWaits)) over \(localWaits.count) points",
            "crossprocess waits not ended by the other process's point within 5 s: \(missed.isEmpty ? "none" : missed.joined(separator: ", "))",
        ]
    }

    /// Holds a wait through `waiter` for a point after `timestamp - 1`, records one at `timestamp`
    /// through `writer` once `suspended` returns, and answers the time from the record going out
    /// to the wait's answer; nil when the wait expired instead.
    private func release(
        waiter: RPCClient, writer: RPCClient, rid: String, at timestamp: Int, suspended: () async throws -> Void
    ) async throws -> Duration? {
        let clock = ContinuousClock()
        let waiting = Task { () throws -> (ContinuousClock.Instant, JSON?) in
            let answer = try? await waiter.call(.wait(.rid(rid), timeoutMilliseconds: 5_000, since: timestamp - 1))
            return (clock.now, answer)
        }
        try await suspended()
        let sent = clock.now
        _ = try await writer.call(.record(.rid(rid), [(timestamp, .int(timestamp))]))
        let (released, answer) = try await waiting.value
        guard answer?[0]?.intValue == timestamp else { return nil }
        return released - sent
    }
}
