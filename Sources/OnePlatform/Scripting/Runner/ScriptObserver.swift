import GRDB
import Synchronization

/// Tells the script runner after each commit that started, restarted or changed the state of
/// a script (a `script_state` row) or deleted resources (a drop may take scripts with it).
///
/// GRDB calls it on the writer's queue; what it gathered and its handler live in `Mutex`es.
final class ScriptObserver: TransactionObserver, Sendable {
    struct Changes: Sendable {
        var scripts: Set<Int64> = []
        var deletions = false

        var isEmpty: Bool { scripts.isEmpty && !deletions }
    }

    private let gathered = Mutex(Changes())
    private let handler = Mutex<Callback<Changes>?>(nil)

    func onChange(_ body: @escaping @Sendable (Changes) -> Void) {
        handler.withLock { $0 = Callback(body) }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        switch eventKind {
        case .delete(let tableName): return tableName == "resource" || tableName == ScriptObserver.table
        default: return eventKind.tableName == ScriptObserver.table
        }
    }

    static let table = "script_state"

    func databaseDidChange(with event: DatabaseEvent) {
        gathered.withLock { changes in
            if event.tableName == ScriptObserver.table {
                changes.scripts.insert(event.rowID)
            } else {
                changes.deletions = true
            }
        }
    }

    func databaseDidCommit(_ db: Database) {
        let changes = gathered.withLock { changes -> Changes in
            defer { changes = Changes() }
            return changes
        }
        if !changes.isEmpty { handler.withLock { $0 }?.call(changes) }
    }

    func databaseDidRollback(_ db: Database) {
        gathered.withLock { $0 = Changes() }
    }
}
