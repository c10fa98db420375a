import Foundation

/// Runs blocking work (a socket read, waiting for a child process) on a thread of its own, so it
/// never holds one of the few threads that the server under test needs to answer.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try work() })
        }
    }
}
