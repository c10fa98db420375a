import Synchronization

/// Ends the suspended waits of one request (`wait` calls, Data Interface long polls) before their
/// timeouts, for an HTTP front that knows things the platform does not.
///
/// ``expire()`` answers them as if their timeouts had passed — what a server shutting down owes
/// its clients. ``abandon()`` ends them unanswered and stops the request there — their client has
/// gone away. Only a wait that suspends is affected: the rest of a request runs as it would, so a
/// client that half-closes after sending still gets its writes done and answered. The first call
/// holds for the rest of the request: a wait that suspends afterwards ends at once.
///
/// Thread safety: the state lives in a `Mutex`; continuations are resumed outside the lock.
public final class WaitRelease: Sendable {
    /// Why the waits ended.
    enum Reason: Sendable {
        case expired
        case abandoned
    }

    private struct State {
        var reason: Reason?
        var waiters: [UInt64: CheckedContinuation<Reason, any Error>] = [:]
        var nextID: UInt64 = 0
    }

    // Guards whether the waits were released and who is suspended until they are.
    private let state = Mutex(State())

    public init() {}

    /// Ends every wait of the request as if its timeout had passed (`expire`, a long poll's `304`).
    public func expire() {
        release(.expired)
    }

    /// Ends every wait of the request unanswered: nobody is left to read the answer.
    public func abandon() {
        release(.abandoned)
    }

    private func release(_ reason: Reason) {
        let waiters = state.withLock { state -> [CheckedContinuation<Reason, any Error>] in
            guard state.reason == nil else { return [] }
            state.reason = reason
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: reason) }
    }

    /// Suspends until the waits are released and answers why.
    /// - Throws: `CancellationError` when the task is cancelled first.
    func released() async throws -> Reason {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Reason, any Error>) in
                // Checked under the lock, so neither a release nor a cancellation that came first is lost.
                let immediate = state.withLock { state -> Result<Reason, any Error>? in
                    if let reason = state.reason { return .success(reason) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let removed = state.withLock { $0.waiters.removeValue(forKey: id) }
            removed?.resume(throwing: CancellationError())
        }
    }
}
