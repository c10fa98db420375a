import Synchronization

/// The resources whose time series one request changed, gathered while its transaction runs and
/// handed to the ``ChangeHub`` once that transaction has committed.
///
/// A call rolled back after storing a point still leaves its resource here; waiters re-read the
/// database before answering, so such a key only costs them a look.
final class ChangeCollector: Sendable {
    // Guards the keys; procedures run on whichever thread the database hands them.
    private let gathered = Mutex<Set<Int64>>([])

    init() {}

    /// Notes that the time series of the resource with this key has a new or replaced point.
    func record(_ key: Int64) {
        _ = gathered.withLock { $0.insert(key) }
    }

    /// The keys gathered so far, left in place.
    var keys: Set<Int64> {
        gathered.withLock { $0 }
    }

    /// Returns the keys gathered so far and starts afresh, so each commit publishes only its own.
    func drain() -> Set<Int64> {
        gathered.withLock { keys in
            let drained = keys
            keys.removeAll()
            return drained
        }
    }
}
