import OneP
import Synchronization

/// Counts requests sent through a transport, for `set timing on` and for the tree's request budget.
final class RequestCounter: Sendable {
    private let count = Atomic<Int>(0)

    var value: Int { count.load(ordering: .relaxed) }

    func increment() { count.add(1, ordering: .relaxed) }
}

/// A transport that counts each request and passes it on unchanged, showing the spinner while
/// an answer is slow to come.
struct CountingTransport: Transport {
    let base: any Transport
    let counter: RequestCounter
    var spinner: Spinner? = nil

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        try await send(body, answerHeldUpTo: .zero)
    }

    func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8] {
        counter.increment()
        spinner?.begin()
        defer { spinner?.end() }
        return try await base.send(body, answerHeldUpTo: hold)
    }
}
