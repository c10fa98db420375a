import GRDB
import Logging
import Synchronization

/// Fires datarule timers while the platform runs.
///
/// One task sleeps on the platform clock until the earliest timer is due, fires every timer due
/// by then in one write transaction, and sleeps again. A commit that changes a timer wakes it
/// (through ``TimerObserver``), so a new earlier timer is not slept through. Timers live in the
/// database, so a platform reopened on the same directory fires what came due meanwhile.
///
/// The task starts with the first timer, so a platform whose datarules use none runs no task.
final class TimerScheduler: Sendable {
    private enum Loop {
        case idle
        case running(Task<Void, Never>)
        case stopped
    }

    private let database: any DatabaseWriter
    private let clock: any PlatformClock
    /// Where the points that firings store are announced once their transaction commits.
    private let changes: ChangeHub
    private let logger: Logger
    private let signal = WakeSignal()
    private let observer = TimerObserver()
    // Guards the loop's task: started at most once, cancelled when the platform goes.
    private let loop = Mutex(Loop.idle)

    init(database: any DatabaseWriter, clock: any PlatformClock, changes: ChangeHub, logger: Logger) {
        self.database = database
        self.clock = clock
        self.changes = changes
        self.logger = logger
        database.add(transactionObserver: observer, extent: .observerLifetime)
    }

    /// Starts listening for timer changes, and the loop at once when timers are already waiting
    /// (a platform reopened on a directory).
    func activate() {
        observer.onTimerChange { [weak self] in self?.wake() }
        if (try? database.read({ db in try RuleStateStore.nextDue(db) })) != nil { startIfIdle() }
    }

    func stop() {
        let task = loop.withLock { loop -> Task<Void, Never>? in
            defer { loop = .stopped }
            if case .running(let task) = loop { return task }
            return nil
        }
        task?.cancel()
    }

    /// Looks again for the earliest timer: one was set or moved (here or by another process).
    func wake() {
        startIfIdle()
        signal.wake()
    }

    private func startIfIdle() {
        loop.withLock { loop in
            guard case .idle = loop else { return }
            loop = .running(Task { await self.run() })
        }
    }

    /// Fires every timer due at the clock's current second.
    ///
    /// - Returns: the second the next timer is due.
    @discardableResult
    func fireDue() async throws -> Int? {
        let now = clock.currentSecond
        let logger = logger
        let collector = ChangeCollector()
        let changes = changes
        let next = try await database.write { db in
            try changes.storing(collector, in: db) { try TimerFiring.fire(db, now: now, changes: collector, logger: logger) }
        }
        changes.publish(collector.drain())
        return next
    }

    private func run() async {
        while !Task.isCancelled {
            let next: Int?
            do {
                next = try await fireDue()
            } catch is CancellationError {
                // Stopped (the platform closed) while a firing waited for the database.
                return
            } catch {
                logger.error("datarule timers could not fire", metadata: ["error": "\(error)"])
                // Try again a second later rather than spinning on a failing database.
                next = clock.currentSecond + 1
            }
            await sleep(until: next)
        }
    }

    /// Returns when the clock reaches `due`, when a timer changes, or when the loop is cancelled.
    private func sleep(until due: Int?) async {
        let clock = clock
        let signal = signal
        await withTaskGroup(of: Void.self) { group in
            if let due { group.addTask { try? await clock.sleep(until: Double(due)) } }
            group.addTask { await signal.wait() }
            await group.next()
            group.cancelAll()
        }
    }
}
