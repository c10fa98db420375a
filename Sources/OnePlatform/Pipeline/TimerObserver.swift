import GRDB
import Synchronization

/// Tells the timer scheduler after any commit that changed a datarule's timer, whoever made it
/// (a request, a clone, the scheduler itself), so it can sleep until the new earliest one.
///
/// GRDB calls it on the writer's queue; its flag and handler live in `Mutex`es.
final class TimerObserver: TransactionObserver, Sendable {
    private let changed = Mutex(false)
    private let handler = Mutex<Callback<Void>?>(nil)

    /// Sets what runs after each commit that changed a timer.
    func onTimerChange(_ body: @escaping @Sendable () -> Void) {
        handler.withLock { $0 = Callback { _ in body() } }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        eventKind.tableName == "rule_state"
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed.withLock { $0 = true }
    }

    func databaseDidCommit(_ db: Database) {
        let notify = changed.withLock { changed -> Bool in
            defer { changed = false }
            return changed
        }
        if notify { handler.withLock { $0 }?.call(()) }
    }

    func databaseDidRollback(_ db: Database) {
        changed.withLock { $0 = false }
    }
}
