import Foundation

/// The outcome of a command that ran to its end, kept where the interactive loop can see it even
/// after the interrupt monitor stopped waiting for it.
final class FinishedOutcome: @unchecked Sendable {
    /// Guards `stored`.
    private let lock = NSLock()
    private var stored: CommandOutcome?

    func set(_ outcome: CommandOutcome) {
        lock.withLock { stored = outcome }
    }

    var value: CommandOutcome? {
        lock.withLock { stored }
    }
}
