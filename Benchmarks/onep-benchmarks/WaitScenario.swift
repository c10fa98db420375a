import OneP
import OnePJSON
import OnePlatform

/// 100 `wait` calls held over HTTP at once, all released by one write: how long from the write
/// going out to the last waiter having its answer.
struct WaitScenario {
    let platform: Platform
    let url: String
    let auth: Auth
    let waiters = 100

    struct Result {
        let waiters: Int
        let writeRequest: Duration
        let lastRelease: Duration

        var line: String {
            "http \(waiters) concurrent waits released by one write: last release \(milliseconds(lastRelease)) ms after the write "
                + "was sent (the write request itself took \(milliseconds(writeRequest)) ms)"
        }

        private func milliseconds(_ duration: Duration) -> String {
            let (whole, fraction) = duration.components
            let value = (Double(whole) + Double(fraction) / 1e18) * 1000
            return String(format: "%.1f", value)
        }
    }

    func run() async throws -> Result {
        let main = HTTPTransport(url: url)
        let client = RPCClient(transport: main, auth: auth)
        let rid = try await client.call(.create(.me, type: .dataport, description: ["format": "integer", "name": "waited"]))
        guard let rid = rid?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
        // One transport per waiter: a transport keeps only a few connections to one host.
        let transports = (0..<waiters).map { _ in HTTPTransport(url: url) }
        let clock = ContinuousClock()
        let waits = transports.map { transport in
            Task { () throws -> (ContinuousClock.Instant, JSON?) in
                let answer = try await RPCClient(transport: transport, auth: auth).call(.wait(.rid(rid), timeoutMilliseconds: 60_000))
                return (clock.now, answer)
            }
        }
        await platform.untilSuspendedWaits(are: waiters)
        let sent = clock.now
        _ = try await client.call(.write(.rid(rid), value: 7))
        let written = clock.now
        var last = sent
        for wait in waits {
            let (released, answer) = try await wait.value
            guard try Point(pair: answer ?? .null).value == 7 else {
                throw OnePError.malformedAnswer("a wait answered \(String(describing: answer))")
            }
            last = max(last, released)
        }
        for transport in transports + [main] { try await transport.shutdown() }
        return Result(waiters: waiters, writeRequest: written - sent, lastRelease: last - sent)
    }
}
