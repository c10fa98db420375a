import OneP

/// One measured workload: what it did and how long it took.
struct Measurement {
    let name: String
    let requests: Int
    let calls: Int
    let points: Int
    let elapsed: Duration
    /// How long the requests waited for their answers: the platform's share, and the transport's.
    var waited: Duration? = nil
    /// The CPU seconds this process spent meanwhile, every thread (client and platform alike):
    /// on a busy machine, steadier than the elapsed time.
    var cpu: Double? = nil

    var seconds: Double {
        let (whole, fraction) = elapsed.components
        return Double(whole) + Double(fraction) / 1e18
    }

    var line: String {
        func rate(_ count: Int) -> String { seconds > 0 ? String(Int((Double(count) / seconds).rounded())) : "-" }
        let time = String(Int((seconds * 1000).rounded()))
        let share = waited.map { waited in
            let (whole, fraction) = waited.components
            return " (\(Int(((Double(whole) + Double(fraction) / 1e18) * 1000).rounded())) ms waiting for answers)"
        }
        let cpuShare = cpu.map { ", \(Int(($0 * 1000).rounded())) ms CPU" } ?? ""
        guard calls > 0 || points > 0 else { return "\(name): \(requests) requests in \(time) ms" + (share ?? "") + cpuShare }
        return "\(name): \(requests) requests, \(calls) calls, \(points) points in \(time) ms: "
            + "\(rate(calls)) calls/s, \(rate(points)) points/s, \(rate(requests)) requests/s" + cpuShare
    }
}

/// Times `body`, counting the requests it sends through `transport`.
func measure(
    _ name: String,
    transport: CountingTransport,
    calls: Int,
    points: Int,
    _ body: () async throws -> Void
) async throws -> Measurement {
    transport.reset()
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = PerCallScenario.cpuSeconds()
    try await body()
    return Measurement(
        name: name, requests: transport.requests, calls: calls, points: points, elapsed: clock.now - start, waited: transport.waited,
        cpu: PerCallScenario.cpuSeconds() - cpuStart)
}
