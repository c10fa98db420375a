import Synchronization

/// The outcome of a command that ran to its end, kept where the interactive loop can see it even
/// after the interrupt monitor stopped waiting for it.
final class FinishedOutcome: Sendable {
    private let stored = Mutex<CommandOutcome?>(nil)

    func set(_ outcome: CommandOutcome) {
        stored.withLock { $0 = outcome }
    }

    var value: CommandOutcome? {
        stored.withLock { $0 }
    }
}
