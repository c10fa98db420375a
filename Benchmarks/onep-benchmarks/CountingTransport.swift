import OneP
import Synchronization

/// Passes requests through to another transport, counting them and the time spent waiting for
/// their answers, so each scenario can report its requests and how much of its time the platform
/// (and the way to it) took.
final class CountingTransport: Transport {
    let base: any Transport
    private let count = Atomic<Int>(0)
    private let waitedNanoseconds = Atomic<Int>(0)

    init(_ base: any Transport) {
        self.base = base
    }

    var requests: Int { count.load(ordering: .relaxed) }
    var waited: Duration { .nanoseconds(waitedNanoseconds.load(ordering: .relaxed)) }

    func reset() {
        count.store(0, ordering: .relaxed)
        waitedNanoseconds.store(0, ordering: .relaxed)
    }

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        count.add(1, ordering: .relaxed)
        let started = ContinuousClock.now
        defer {
            let (seconds, attoseconds) = (ContinuousClock.now - started).components
            waitedNanoseconds.add(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000), ordering: .relaxed)
        }
        return try await base.send(body)
    }
}
