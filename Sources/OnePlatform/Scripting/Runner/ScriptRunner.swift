import Foundation
import GRDB
import Logging
import Synchronization

/// Runs the platform's script datarules.
///
/// Scripts run one slice at a time on one thread the runner owns, never on the threads that
/// answer requests, so a script that computes forever slows no request. A script that waits
/// (`.wait`) is only an entry in the run queue: it holds no thread, connection or transaction
/// until the change feed announces a point for its resource or the clock reaches its deadline.
/// A script that uses up its slice goes to the back of the queue.
///
/// Scripts start when they appear in the database (created, cloned, given a new source: see
/// ``ScriptStart``, which the ``ScriptObserver`` reports) and, when the runner starts, every
/// stored script starts again from the top. The thread starts with the first script.
final class ScriptRunner: Sendable {
    let services: ScriptServices
    private let queue = Mutex(ScriptRunQueue())
    private let wakeThread = DispatchSemaphore(value: 0)
    private let deadlineChanged = WakeSignal()
    private let observer = ScriptObserver()
    // Guards the task that expires waits at their deadlines.
    private let deadlines = Mutex<Task<Void, Never>?>(nil)

    init(services: ScriptServices) {
        self.services = services
        services.database.add(transactionObserver: observer, extent: .observerLifetime)
    }

    /// Starts every stored script from the top and follows the database for new ones.
    func start() {
        observer.onChange { [weak self] changes in self?.reconcile(changes) }
        services.changes.onPublish { [weak self] keys in self?.resourcesChanged(keys) }
        let stored = (try? services.database.read { db in try Self.hasScripts(db) }) ?? false
        if stored { reconcile(ScriptObserver.Changes(), all: true) }
    }

    /// Stops every script; the thread ends after the slice it is running.
    func stop() {
        let settlers = queue.withLock { queue -> [CheckedContinuation<Void, Never>] in
            queue.phase = .stopped
            return queue.takeSettlers()
        }
        wakeThread.signal()
        deadlines.withLock { $0 }?.cancel()
        for settler in settlers { settler.resume() }
    }

    /// Returns once every script that can run has run as far as it can at the clock's current
    /// time: until it waits, finishes or fails (a script that has used up
    /// ``ScriptLimits/slicesBeforeRunaway`` slices in a row without waiting counts as settled).
    /// Returns early when the task is cancelled.
    func settle() async {
        expireDue()
        let id = queue.withLock { $0.newSettlerID() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (settler: CheckedContinuation<Void, Never>) in
                // Decided under the lock, so a cancellation that came first is not lost.
                let added = queue.withLock { queue in !Task.isCancelled && queue.addSettler(id, settler) }
                if added { wakeThread.signal() } else { settler.resume() }
            }
        } onCancel: {
            queue.withLock { $0.removeSettler(id) }?.resume()
        }
    }

    /// How many scripts are suspended in `.wait`.
    var waitingCount: Int {
        queue.withLock { $0.waitingCount }
    }

    // MARK: - Events

    /// Starts, restarts and stops scripts to match the database: those in `changes`, or (`all`)
    /// every script. Told by the ``ScriptObserver`` of this process's commits and by the follower
    /// of other processes' (see `SharedDirectory`).
    func reconcile(_ changes: ScriptObserver.Changes, all: Bool = false) {
        let startThread = queue.withLock { queue -> Bool in
            // Deletions matter only once scripts run: no thread starts for them.
            if queue.phase == .idle, !all, changes.scripts.isEmpty { return false }
            queue.requestReconcile(changes, all: all)
            guard queue.phase == .idle else { return false }
            queue.phase = .running
            return true
        }
        if startThread { launch() }
        wakeThread.signal()
    }

    private func resourcesChanged(_ keys: Set<Int64>) {
        if queue.withLock({ $0.wake(resources: keys) }) { wakeThread.signal() }
    }

    /// Wakes every waiting script to look again: other processes' changes may have been missed.
    func recheckWaits() {
        if queue.withLock({ $0.wake(resources: $0.waitedResources) }) { wakeThread.signal() }
    }

    private func expireDue() {
        let now = services.clock.currentSecond
        if queue.withLock({ $0.expire(by: now) }) { wakeThread.signal() }
    }

    // MARK: - Called by the thread

    func enqueue(_ job: ScriptRunQueue.Job) {
        queue.withLock { $0.enqueue(job) }
        wakeThread.signal()
    }

    /// Suspends a script in its wait; wakes it at once if its resource changed since it looked.
    func suspend(_ script: Int64, generation: Int, in wait: ScriptWait) {
        queue.withLock { $0.wait(script, generation: generation, on: wait.resource, until: wait.deadline) }
        // After registering: a change published before this is seen here, one after it wakes the wait.
        if services.changes.version(of: wait.resource) > wait.seen { resourcesChanged([wait.resource]) }
        services.changes.waiterArrived()
        if wait.deadline != nil { deadlineChanged.wake() }
    }

    func forget(_ script: Int64) {
        queue.withLock { $0.forgetWait(of: script) }
    }

    // MARK: - The thread and the deadline task

    private func launch() {
        let thread = Thread { [self] in
            let host = ScriptHost(runner: self)
            host.run()
        }
        thread.name = "onep.scripts"
        thread.stackSize = 16 << 20
        thread.start()
        let task = Task { [self] in await expireAtDeadlines() }
        deadlines.withLock { $0 = task }
        // A stop that came between the start of the thread and here found no task to cancel.
        if queue.withLock({ $0.phase == .stopped }) { task.cancel() }
    }

    /// The thread's loop: takes work until the runner stops.
    func nextWork() -> ScriptRunQueue.Work {
        while true {
            let (work, settlers) = queue.withLock { $0.takeWork() }
            for settler in settlers { settler.resume() }
            if case .sleep = work {
                wakeThread.wait()
                continue
            }
            return work
        }
    }

    private func expireAtDeadlines() async {
        let clock = services.clock
        let signal = deadlineChanged
        while !Task.isCancelled {
            // A far deadline is slept towards an hour at a time: clocks count sleeps in nanoseconds.
            let next = queue.withLock { $0.earliestDeadline }.map { min(Double($0), clock.now() + 3600) }
            await withTaskGroup(of: Void.self) { group in
                if let next { group.addTask { try? await clock.sleep(until: next) } }
                group.addTask { await signal.wait() }
                await group.next()
                group.cancelAll()
            }
            expireDue()
        }
    }

    static func hasScripts(_ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: "SELECT EXISTS (SELECT 1 FROM resource WHERE type = 'datarule' AND json_type(description, '$.rule.script') = 'text')")
            ?? false
    }
}
