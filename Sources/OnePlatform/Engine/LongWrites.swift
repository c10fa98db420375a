import Synchronization

/// How many request write transactions are waiting for or holding the database's writer through
/// its queue: those of large requests, and small ones sent there meanwhile.
///
/// A small request runs its transaction on the calling thread, which for a request served over
/// HTTP is its connection's event loop. While a large write holds the writer, a small write would
/// block that thread (and every connection of the loop) until it ends; the engine sends it through
/// the database's queue instead, where it waits without holding a thread.
final class LongWrites: Sendable {
    private let count = Atomic<Int>(0)

    /// Whether such a write is waiting for the writer or running.
    var inFlight: Bool { count.load(ordering: .relaxed) > 0 }

    /// Runs `body`, counted while it runs.
    func counting<T>(_ body: () async throws -> T) async rethrows -> T {
        count.add(1, ordering: .relaxed)
        defer { count.subtract(1, ordering: .relaxed) }
        return try await body()
    }
}
