import GRDB
import Synchronization

/// Wakes the timer scheduler after any commit that changed a datarule's timer, whoever made it
/// (a request, a clone, the scheduler itself), so it can sleep until the new earliest one.
///
/// GRDB calls it on the writer's queue; its one flag lives in a `Mutex`.
final class TimerObserver: TransactionObserver, Sendable {
    private let signal: WakeSignal
    private let changed = Mutex(false)

    init(signal: WakeSignal) {
        self.signal = signal
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        eventKind.tableName == "rule_state"
    }

    func databaseDidChange(with event: DatabaseEvent) {
        changed.withLock { $0 = true }
    }

    func databaseDidCommit(_ db: Database) {
        let wake = changed.withLock { changed -> Bool in
            defer { changed = false }
            return changed
        }
        if wake { signal.wake() }
    }

    func databaseDidRollback(_ db: Database) {
        changed.withLock { $0 = false }
    }
}
