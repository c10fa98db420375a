import class Foundation.NSLock

/// The state of one ``InterruptMonitor/run(_:)``: its task, the caller waiting for it, and how
/// many times the user pressed Ctrl-C. Whichever of "task finished" and "second Ctrl-C" comes
/// first answers the caller; the other is ignored.
final class InterruptibleRun<T: Sendable>: @unchecked Sendable {
    /// Guards every stored property below.
    private let lock = NSLock()
    private var task: Task<T, any Error>?
    private var continuation: CheckedContinuation<T, any Error>?
    private var interruptions = 0
    /// An answer decided before the caller started waiting.
    private var decided: Result<T, any Error>?
    private var answered = false

    func attach(_ task: Task<T, any Error>) {
        let cancelNow = lock.withLock {
            self.task = task
            return interruptions > 0
        }
        if cancelNow {
            task.cancel()
        }
    }

    func interrupt() {
        let (task, waiter) = lock.withLock {
            interruptions += 1
            let waiter = interruptions >= 2 ? decide(.failure(CancellationError())) : nil
            return (self.task, waiter)
        }
        task?.cancel()
        waiter?.resume()
    }

    func await(_ continuation: CheckedContinuation<T, any Error>) {
        let waiter: Waiter? = lock.withLock {
            self.continuation = continuation
            guard let decided else { return nil }
            return take(decided)
        }
        waiter?.resume()
    }

    func finish(_ result: Result<T, any Error>) {
        let waiter = lock.withLock {
            decide(interruptions > 0 ? .failure(CancellationError()) : result)
        }
        waiter?.resume()
    }

    // MARK: Non public (call with `lock` held)

    private struct Waiter {
        let continuation: CheckedContinuation<T, any Error>
        let result: Result<T, any Error>

        func resume() {
            continuation.resume(with: result)
        }
    }

    private func decide(_ result: Result<T, any Error>) -> Waiter? {
        guard !answered, decided == nil else { return nil }
        guard continuation != nil else {
            decided = result
            return nil
        }
        return take(result)
    }

    private func take(_ result: Result<T, any Error>) -> Waiter? {
        guard !answered, let continuation else { return nil }
        answered = true
        self.continuation = nil
        return Waiter(continuation: continuation, result: result)
    }
}
