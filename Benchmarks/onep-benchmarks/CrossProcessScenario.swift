import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform

/// Two processes on one data directory: this one (its platform) and an `onep serve` child opened
/// on the same directory. A `wait` held in one process is ended by a write made through the
/// other, both ways round: how long from the write being sent to the wait's answer arriving
/// (the target is 100 ms; a follower polls every 20 ms while anything waits).
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
        for round in 0..<rounds {
            servedWaits.append(try await release(waiter: there, writer: here, rid: rid, value: round))
            localWaits.append(try await release(waiter: here, writer: there, rid: rid, value: round))
        }
        try await http.shutdown()
        return [
            "crossprocess wait in onep serve, write in another process: \(ScriptScenario.summary(servedWaits)) over \(rounds) writes",
            "crossprocess wait in this process, write through onep serve: \(ScriptScenario.summary(localWaits)) over \(rounds) writes",
        ]
    }

    /// Holds a wait through `waiter`, writes through `writer` once the wait is surely suspended,
    /// and answers the time from the write going out to the wait's answer.
    private func release(waiter: RPCClient, writer: RPCClient, rid: String, value: Int) async throws -> Duration {
        let clock = ContinuousClock()
        let waiting = Task { () throws -> (ContinuousClock.Instant, JSON?) in
            let answer = try await waiter.call(.wait(.rid(rid), timeoutMilliseconds: 10_000))
            return (clock.now, answer)
        }
        // A wait reaches its process's platform in well under a millisecond on this host.
        try await Task.sleep(for: .milliseconds(30))
        let sent = clock.now
        _ = try await writer.call(.write(.rid(rid), value: .int(value)))
        let (released, answer) = try await waiting.value
        guard answer?[1] != nil else { throw BenchmarkFailure("a wait timed out instead of seeing the other process's write") }
        return released - sent
    }
}
