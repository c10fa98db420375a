import OneP
import Synchronization

/// Passes requests through to another transport and counts them, so each scenario can report its requests.
final class CountingTransport: Transport {
    let base: any Transport
    private let count = Atomic<Int>(0)

    init(_ base: any Transport) {
        self.base = base
    }

    var requests: Int { count.load(ordering: .relaxed) }

    func reset() {
        count.store(0, ordering: .relaxed)
    }

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        count.add(1, ordering: .relaxed)
        return try await base.send(body)
    }
}
