import Synchronization

/// The state of one ``InterruptMonitor/run(_:)``: its task, the caller waiting for it, and how
/// many times the user pressed Ctrl-C. Whichever of "task finished" and "second Ctrl-C" comes
/// first answers the caller; the other is ignored.
final class InterruptibleRun<T: Sendable>: Sendable {
    private struct State {
        var task: Task<T, any Error>?
        var continuation: CheckedContinuation<T, any Error>?
        var interruptions = 0
        /// An answer decided before the caller started waiting.
        var decided: Result<T, any Error>?
        var answered = false

        mutating func decide(_ result: Result<T, any Error>) -> Waiter? {
            guard !answered, decided == nil else { return nil }
            guard continuation != nil else {
                decided = result
                return nil
            }
            return take(result)
        }

        mutating func take(_ result: Result<T, any Error>) -> Waiter? {
            guard !answered, let continuation else { return nil }
            answered = true
            self.continuation = nil
            return Waiter(continuation: continuation, result: result)
        }
    }

    /// A caller to answer, resumed outside the lock.
    private struct Waiter {
        let continuation: CheckedContinuation<T, any Error>
        let result: Result<T, any Error>

        func resume() {
            continuation.resume(with: result)
        }
    }

    private let state = Mutex(State())

    func attach(_ task: Task<T, any Error>) {
        let cancelNow = state.withLock { state in
            state.task = task
            return state.interruptions > 0
        }
        if cancelNow {
            task.cancel()
        }
    }

    func interrupt() {
        let (task, waiter) = state.withLock { state in
            state.interruptions += 1
            let waiter = state.interruptions >= 2 ? state.decide(.failure(CancellationError())) : nil
            return (state.task, waiter)
        }
        task?.cancel()
        waiter?.resume()
    }

    func await(_ continuation: CheckedContinuation<T, any Error>) {
        let waiter: Waiter? = state.withLock { state in
            state.continuation = continuation
            guard let decided = state.decided else { return nil }
            return state.take(decided)
        }
        waiter?.resume()
    }

    func finish(_ result: Result<T, any Error>) {
        let waiter = state.withLock { state in
            state.decide(state.interruptions > 0 ? .failure(CancellationError()) : result)
        }
        waiter?.resume()
    }
}
