import Foundation
import OneP

/// Counts requests sent through a transport, for `set timing on` and for the tree's request budget.
// @unchecked Sendable: `count` is only touched while holding `lock`.
final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int { lock.withLock { count } }

    func increment() { lock.withLock { count += 1 } }
}

/// A transport that counts each request and passes it on unchanged.
struct CountingTransport: Transport {
    let base: any Transport
    let counter: RequestCounter

    func send(_ body: [UInt8]) async throws -> [UInt8] {
        try await send(body, answerHeldUpTo: .zero)
    }

    func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8] {
        counter.increment()
        return try await base.send(body, answerHeldUpTo: hold)
    }
}
