import Synchronization

/// What a long command has done so far, for the message when Ctrl-C stops it: `record` that is
/// interrupted says how many points were stored, not just "interrupted".
final class InterruptNote: Sendable {
    private let note = Mutex<String?>(nil)

    /// Sets what to say if the running command is interrupted now.
    func set(_ text: String?) {
        note.withLock { $0 = text }
    }

    /// Takes the note, leaving none for the next command.
    func take() -> String? {
        note.withLock { note in
            defer { note = nil }
            return note
        }
    }
}
