import GRDB
import Synchronization

/// What other processes committed that this one's background work must hear of.
struct ForeignWork: Sendable, Equatable {
    /// A timer was set or moved.
    var timers = false
    /// Scripts started, changed or gone.
    var scripts: Set<Int64> = []
    /// The log was pruned past what this process had read: anything may have changed.
    var resync = false

    var isEmpty: Bool { !timers && scripts.isEmpty && !resync }
}

/// Reads the ``ChangeLog`` for a platform on a shared directory: every row another process
/// wrote after the last one read is published to the local ``ChangeHub`` (points) or handed to
/// the listener (timers, scripts), exactly once, in order.
///
/// Thread safety: the last seq read and the listener live in `Mutex`es; a reading holds `last`
/// while it publishes, so a wait that catches up inside its transaction (see
/// ``ChangeHub/catchUp(in:)``) finds every row before it already published.
final class ForeignChanges: Sendable {
    let log: ChangeLog
    // Guards the newest seq read; held across one reading and its publication.
    private let last: Mutex<Int64>
    // Guards the function told of foreign timer and script changes.
    private let listener = Mutex<(@Sendable (ForeignWork) -> Void)?>(nil)

    /// - Parameter newest: the log's newest seq when the platform opened: nothing before matters.
    init(log: ChangeLog, newest: Int64) {
        self.log = log
        last = Mutex(newest)
    }

    /// Sets the function told of other processes' timer and script changes.
    func onWork(_ body: @escaping @Sendable (ForeignWork) -> Void) {
        listener.withLock { $0 = body }
    }

    /// The newest seq read so far.
    var newestRead: Int64 {
        last.withLock { $0 }
    }

    /// Reads the rows after the last one read, through `db` (any connection), and tells them.
    /// When the log was pruned past the last row read (this process was too slow to read them one
    /// by one), every resource waited on is woken to look again.
    func read(_ db: Database, into hub: ChangeHub) throws {
        try last.withLock { last in
            let entries = try ChangeLog.entries(after: last, in: db)
            guard let first = entries.first, let newest = entries.last?.seq else { return }
            var points = Set<Int64>()
            var work = ForeignWork()
            work.resync = first.seq > last + 1
            for entry in entries where entry.origin != log.origin {
                switch entry.kind {
                case .points: points.insert(entry.key)
                case .timer: work.timers = true
                case .script: work.scripts.insert(entry.key)
                }
            }
            last = newest
            if work.resync { points.formUnion(hub.waitedKeys) }
            hub.publish(points)
            if !work.isEmpty { listener.withLock { $0 }?(work) }
        }
    }
}
