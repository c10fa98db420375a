import Synchronization

/// A clock that moves only when told to, so tests of timeouts and time windows are exact.
///
/// Thread safety: all state lives in `state`, a `Mutex`; sleepers are resumed outside the lock.
package final class ManualClock: PlatformClock, @unchecked Sendable {
    private struct Sleeper {
        let deadline: Double
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Double
        var sleepers: [UInt64: Sleeper] = [:]
        var nextSleeperID: UInt64 = 0
    }

    // Guards the current time and the waiting sleepers.
    private let state: Mutex<State>

    package init(now: Double) {
        state = Mutex(State(now: now))
    }

    package func now() -> Double {
        state.withLock { $0.now }
    }

    /// Moves the clock forward and wakes every sleeper whose deadline has been reached.
    package func advance(by seconds: Double) {
        let due: [Sleeper] = state.withLock { state in
            state.now += seconds
            let reached = state.sleepers.filter { $0.value.deadline <= state.now }
            for key in reached.keys { state.sleepers.removeValue(forKey: key) }
            return reached.sorted { $0.value.deadline < $1.value.deadline }.map(\.value)
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    package func sleep(until deadline: Double) async throws {
        let id = state.withLock { state in
            state.nextSleeperID += 1
            return state.nextSleeperID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // Checked under the lock so a cancellation that raced ahead of registration is not lost.
                let immediate: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if state.now >= deadline { return .success(()) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return nil
                }
                if let immediate { continuation.resume(with: immediate) }
            }
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
