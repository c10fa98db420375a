import Synchronization

/// Tells whoever waits on a resource that its time series changed.
///
/// Every resource has a version that grows by one with each published change. A waiter notes the
/// version it has seen and suspends until the version moves past it; it never holds a database
/// connection or a lock while suspended, so any number of waiters cost only memory.
///
/// Thread safety: all state lives in `state`, a `Mutex`; continuations are resumed outside the lock.
final class ChangeHub: Sendable {
    private struct State {
        var versions: [Int64: UInt64] = [:]
        var waiters: [Int64: [UInt64: CheckedContinuation<UInt64, any Error>]] = [:]
        var nextWaiterID: UInt64 = 0
    }

    // Guards the versions and the suspended waiters.
    private let state = Mutex(State())

    init() {}

    /// How many changes of the resource have been published so far.
    func version(of key: Int64) -> UInt64 {
        state.withLock { $0.versions[key] ?? 0 }
    }

    /// How many waiters are suspended right now, over all resources.
    var waiterCount: Int {
        state.withLock { state in state.waiters.values.reduce(0) { $0 + $1.count } }
    }

    /// Announces committed changes and wakes every waiter of those resources.
    ///
    /// Call it only after the transaction that made the changes has committed, so that a woken
    /// waiter finds them when it reads.
    func publish(_ keys: Set<Int64>) {
        guard !keys.isEmpty else { return }
        var woken: [(CheckedContinuation<UInt64, any Error>, UInt64)] = []
        state.withLock { state in
            for key in keys {
                let version = (state.versions[key] ?? 0) + 1
                state.versions[key] = version
                if let waiting = state.waiters.removeValue(forKey: key) {
                    woken.append(contentsOf: waiting.values.map { ($0, version) })
                }
            }
        }
        for (continuation, version) in woken { continuation.resume(returning: version) }
    }

    /// Suspends until the resource's version exceeds `seen`, and returns the new version.
    ///
    /// - Throws: `CancellationError` when the task is cancelled first; the waiter is then forgotten.
    func change(of key: Int64, after seen: UInt64) async throws -> UInt64 {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt64, any Error>) in
                // Checked under the lock so that neither a change nor a cancellation that came first is lost.
                let immediate: Result<UInt64, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    let current = state.versions[key] ?? 0
                    if current > seen { return .success(current) }
                    state.waiters[key, default: [:]][id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let continuation = state.withLock { state -> CheckedContinuation<UInt64, any Error>? in
                let removed = state.waiters[key]?.removeValue(forKey: id)
                if state.waiters[key]?.isEmpty == true { state.waiters.removeValue(forKey: key) }
                return removed
            }
            continuation?.resume(throwing: CancellationError())
        }
    }
}
