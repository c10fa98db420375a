import Synchronization

/// What a test waited for did not happen in time.
struct DeadlinePassed: Error, CustomStringConvertible {
    let description: String
}

/// Answers what `body` answers, or fails once `seconds` pass first — so a defect that makes a test
/// wait forever (an un-cancellable suspension included) fails it instead. The time is a guard for
/// a hang, far above what the behaviour needs, never a measurement.
func within<T: Sendable>(_ seconds: Double, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let work = Task { try await body() }
    let first = Mutex<CheckedContinuation<T, any Error>?>(nil)
    return try await withCheckedThrowingContinuation { continuation in
        first.withLock { $0 = continuation }
        let finish: @Sendable (Result<T, any Error>) -> Void = { result in
            first.withLock { pending in
                pending?.resume(with: result)
                pending = nil
            }
        }
        Task {
            let result = await work.result
            finish(result)
        }
        Task {
            try? await Task.sleep(for: .seconds(seconds))
            work.cancel()
            finish(.failure(DeadlinePassed(description: "\(what) did not happen within \(seconds) s")))
        }
    }
}
