import GRDB
import Synchronization

/// Tells whoever waits on a resource that its time series changed.
///
/// Every resource has a version that grows by one with each published change. A waiter notes the
/// version it has seen and suspends until the version moves past it; it never holds a database
/// connection or a lock while suspended, so any number of waiters cost only memory.
///
/// On a data directory other processes may commit too: then the hub has ``foreign``, its changes
/// are noted in the ``ChangeLog`` (``log(_:in:)``) and other processes' changes are published
/// here as they are read from it (see `SharedDirectory`).
///
/// Thread safety: all state lives in `state`, a `Mutex`; continuations are resumed outside the lock.
final class ChangeHub: Sendable {
    private struct State {
        var versions: [Int64: UInt64] = [:]
        /// The number of versions at which ``sweepIfDue(in:)`` next looks for dropped resources.
        var sweepAt = ChangeHub.sweepMinimum
        var waiters: [Int64: [UInt64: CheckedContinuation<UInt64, any Error>]] = [:]
        var nextWaiterID: UInt64 = 0
        var waiterCount = 0
        /// Callers of ``untilWaiterCount(is:)`` with the count each expects, by waiter id.
        var watchers: [UInt64: (count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]

        /// Takes out the watchers whose count has been reached, for resuming outside the lock.
        mutating func reachedWatchers() -> [CheckedContinuation<Void, Never>] {
            guard !watchers.isEmpty else { return [] }
            let count = waiterCount
            let reached = watchers.filter { $0.value.count == count }
            for id in reached.keys { watchers.removeValue(forKey: id) }
            return reached.values.map(\.continuation)
        }
    }

    // Guards the versions and the suspended waiters.
    private let state = Mutex(State())
    // Guards the one function told of every publication (the script runner's).
    private let listener = Mutex<Callback<Set<Int64>>?>(nil)
    // Guards the one function told when a waiter arrives (the follower of other processes').
    private let arrivals = Mutex<Callback<Void>?>(nil)
    /// Other processes' changes, for a platform on a data directory; nil in memory.
    let foreign: ForeignChanges?

    init(foreign: ForeignChanges? = nil) {
        self.foreign = foreign
    }

    /// Runs `body`, the work of a write transaction that stores points into `collector`: first
    /// forgets dropped resources when due (``sweepIfDue(in:)``), then notes the collector's
    /// resources in the change log (``log(_:in:)``). Publish the collector after the commit.
    func storing<T>(_ collector: ChangeCollector, in db: Database, _ body: () throws -> T) throws -> T {
        try sweepIfDue(in: db)
        let result = try body()
        try log(collector, in: db)
        return result
    }

    /// Notes the collector's resources in the change log, for other processes; call it inside
    /// the transaction that stored the points, just before it commits.
    func log(_ collector: ChangeCollector, in db: Database) throws {
        guard let foreign else { return }
        try foreign.log.append(collector.keys, in: db)
    }

    /// The fewest versions kept before the hub looks for dropped resources to forget.
    static let sweepMinimum = 1_024

    /// How many resources the hub keeps a version for: those written since start-up that still
    /// exist, up to twice as many as existed at the last sweep.
    var trackedCount: Int {
        state.withLock { $0.versions.count }
    }

    /// Forgets the versions of resources that no longer exist, once the hub keeps twice as many
    /// versions as after its last sweep (and at least ``sweepMinimum``); otherwise does nothing.
    ///
    /// Row ids of resources are never reused (AUTOINCREMENT), so a dropped resource is never
    /// published again and its version is needed by nobody; a wait still suspended on it ends by its
    /// timeout as before. Call it at the start of a write transaction, before anything in it ran:
    /// `db` then shows every commit, of this process and of others, and no change of its own that
    /// could still roll back.
    func sweepIfDue(in db: Database) throws {
        let keys = state.withLock { state -> [Int64]? in
            state.versions.count >= state.sweepAt ? Array(state.versions.keys) : nil
        }
        guard let keys else { return }
        // One JSON list bound once: a placeholder per key would run past SQLite's limit on variables.
        let list = "[" + keys.map(String.init).joined(separator: ",") + "]"
        let gone = try Int64.fetchAll(
            db, sql: "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM resource)", arguments: [list])
        state.withLock { state in
            for key in gone { state.versions.removeValue(forKey: key) }
            // Rebuilt rather than shrunk in place: a dictionary keeps the capacity of its largest moment.
            state.versions = Dictionary(uniqueKeysWithValues: state.versions.map { ($0.key, $0.value) })
            state.sweepAt = max(Self.sweepMinimum, state.versions.count * 2)
        }
    }

    /// Publishes what other processes committed up to now, read through `db`. A wait calls this
    /// inside its transaction before noting the version it has seen, so that a point committed
    /// elsewhere before the wait began never counts as one after it.
    func catchUp(in db: Database) throws {
        try foreign?.read(db, into: self)
    }

    /// The resources waiters are suspended on right now.
    var waitedKeys: Set<Int64> {
        state.withLock { Set($0.waiters.keys) }
    }

    /// Sets the function told each time a waiter suspends (here or, through
    /// ``waiterArrived()``, in the script runner).
    func onWaiterArrival(_ body: @escaping @Sendable () -> Void) {
        arrivals.withLock { $0 = Callback { _ in body() } }
    }

    /// Tells the arrival function that something now waits for changes.
    func waiterArrived() {
        arrivals.withLock { $0 }?.call(())
    }

    /// How many changes of the resource have been published so far.
    func version(of key: Int64) -> UInt64 {
        state.withLock { $0.versions[key] ?? 0 }
    }

    /// How many waiters are suspended right now, over all resources.
    var waiterCount: Int {
        state.withLock { $0.waiterCount }
    }

    /// Returns once exactly `count` waiters are suspended, or when the task is cancelled.
    func untilWaiterCount(is count: Int) async {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Decided under the lock, so neither the count nor a cancellation that came first is missed.
                let resumeNow = state.withLock { state in
                    if state.waiterCount == count || Task.isCancelled { return true }
                    state.watchers[id] = (count, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.watchers.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// Announces committed changes and wakes every waiter of those resources.
    ///
    /// Call it only after the transaction that made the changes has committed, so that a woken
    /// waiter finds them when it reads.
    func publish(_ keys: Set<Int64>) {
        guard !keys.isEmpty else { return }
        var woken: [(CheckedContinuation<UInt64, any Error>, UInt64)] = []
        let watchers = state.withLock { state in
            for key in keys {
                let version = (state.versions[key] ?? 0) + 1
                state.versions[key] = version
                if let waiting = state.waiters.removeValue(forKey: key) {
                    woken.append(contentsOf: waiting.values.map { ($0, version) })
                    state.waiterCount -= waiting.count
                }
            }
            return state.reachedWatchers()
        }
        for (continuation, version) in woken { continuation.resume(returning: version) }
        for watcher in watchers { watcher.resume() }
        listener.withLock { $0 }?.call(keys)
    }

    /// Sets the function told, after each publication, which resources changed.
    func onPublish(_ body: @escaping @Sendable (Set<Int64>) -> Void) {
        listener.withLock { $0 = Callback(body) }
    }

    /// Suspends until the resource's version exceeds `seen`, and returns the new version.
    ///
    /// - Throws: `CancellationError` when the task is cancelled first; the waiter is then forgotten.
    func change(of key: Int64, after seen: UInt64) async throws -> UInt64 {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt64, any Error>) in
                // Checked under the lock so that neither a change nor a cancellation that came first is lost.
                let (immediate, watchers) = state.withLock { state -> (Result<UInt64, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if Task.isCancelled { return (.failure(CancellationError()), []) }
                    let current = state.versions[key] ?? 0
                    if current > seen { return (.success(current), []) }
                    state.waiters[key, default: [:]][id] = continuation
                    state.waiterCount += 1
                    return (nil, state.reachedWatchers())
                }
                if let immediate { continuation.resume(with: immediate) } else { waiterArrived() }
                for watcher in watchers { watcher.resume() }
            }
        } onCancel: {
            let (continuation, watchers) = state.withLock { state -> (CheckedContinuation<UInt64, any Error>?, [CheckedContinuation<Void, Never>]) in
                guard let removed = state.waiters[key]?.removeValue(forKey: id) else { return (nil, []) }
                if state.waiters[key]?.isEmpty == true { state.waiters.removeValue(forKey: key) }
                state.waiterCount -= 1
                return (removed, state.reachedWatchers())
            }
            continuation?.resume(throwing: CancellationError())
            for watcher in watchers { watcher.resume() }
        }
    }
}
