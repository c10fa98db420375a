import GRDB
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a platform opened on a data directory shares it with the other processes that open it.
///
/// - It follows their commits: a task asks SQLite on a connection of its own whether anyone
///   committed (`PRAGMA data_version`), and if so reads the ``ChangeLog`` through
///   ``ChangeHub/catchUp(in:)``. It asks every ``hotInterval`` while anything here waits for a
///   point (an RPC `wait`, a long poll, a script in `.wait`), else every ``coldInterval``; a
///   waiter's arrival wakes it at once.
/// - It takes turns at the ``BackgroundWork``: the process holding the directory's lock file
///   (`onep.lock`, which also says who holds it) fires the timers and runs the scripts. When the
///   policy lets it, a process that does not hold the lock tries again every ``retryInterval``,
///   so when the holder exits or dies (the kernel lets go of its lock) another takes over.
final class SharedDirectory: Sendable {
    static let lockFileName = "onep.lock"
    static let hotInterval = Duration.milliseconds(20)
    static let coldInterval = Duration.milliseconds(250)
    static let retryInterval = Duration.seconds(1)

    private let connection: DatabaseQueue
    private let changes: ChangeHub
    private let background: BackgroundWork
    private let lock: DirectoryLock
    private let command: String?
    private let logger: Logger
    private let activity = WakeSignal()
    private let isHot = Atomic<Bool>(false)
    // Guards the loop's task and whether the platform has closed; taking over happens under it,
    // so a process never takes the lock after its platform went.
    private let state = Mutex<(task: Task<Void, Never>?, closed: Bool)>((nil, false))

    /// - Parameters:
    ///   - connection: a connection of its own to the database, for `data_version`.
    init(
        directory: String, connection: DatabaseQueue, changes: ChangeHub, background: BackgroundWork, policy: BackgroundWorkPolicy,
        logger: Logger
    ) {
        self.connection = connection
        self.changes = changes
        self.background = background
        self.lock = DirectoryLock(path: directory + "/" + Self.lockFileName)
        self.command = policy.command
        self.logger = logger
    }

    /// Takes over the background work if no other process runs it, and starts following.
    func start() {
        // Weakly: the hub is the background work's own (through its timers and scripts), and a
        // strong reference here would keep the platform's database, and its files, open for good.
        changes.foreign?.onWork { [weak background] work in background?.foreignChanges(work) }
        changes.onWaiterArrival { [weak self] in
            guard let self, !self.isHot.load(ordering: .relaxed) else { return }
            self.activity.wake()
        }
        takeOverIfFree()
        state.withLock { state in
            guard !state.closed, state.task == nil else { return }
            state.task = Task { await self.follow() }
        }
    }

    /// Stops following and, if this process ran the background work, stops it and lets go of
    /// the lock so the next process takes over.
    func close() {
        let task = state.withLock { state -> Task<Void, Never>? in
            state.closed = true
            defer { state.task = nil }
            return state.task
        }
        task?.cancel()
        background.stop()
        lock.release(clearing: true)
    }

    /// Which process runs the timers and scripts now.
    var owner: BackgroundWorkOwner {
        if background.isRunning { return .thisProcess }
        guard let holder = lock.holder() else { return .nobody }
        return .otherProcess(holder)
    }

    // MARK: - The loop

    private func follow() async {
        var dataVersion: Int?
        var lastTry = ContinuousClock.now
        while !Task.isCancelled {
            dataVersion = poll(after: dataVersion)
            if command != nil, !background.isRunning, ContinuousClock.now - lastTry >= Self.retryInterval {
                lastTry = .now
                takeOverIfFree()
            }
            let hot = changes.waiterCount > 0 || background.scripts.waitingCount > 0
            isHot.store(hot, ordering: .relaxed)
            await pause(hot ? Self.hotInterval : Self.coldInterval, wakingEarly: !hot)
        }
    }

    /// Reads the change log when anyone committed since `dataVersion`.
    /// - Returns: the `data_version` now.
    private func poll(after dataVersion: Int?) -> Int? {
        do {
            return try connection.inDatabase { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
                if version != dataVersion { try changes.catchUp(in: db) }
                return version
            }
        } catch {
            logger.error("the change log could not be read", metadata: ["error": "\(error)"])
            return dataVersion
        }
    }

    private func pause(_ interval: Duration, wakingEarly: Bool) async {
        let activity = activity
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: interval) }
            if wakingEarly { group.addTask { await activity.wait() } }
            await group.next()
            group.cancelAll()
        }
    }

    private func takeOverIfFree() {
        guard let command else { return }
        state.withLock { state in
            guard !state.closed, !background.isRunning else { return }
            let facts = ProcessFacts(pid: getpid(), command: command, since: Int(time(nil)))
            guard lock.tryAcquire(writing: facts) else { return }
            background.start()
        }
    }
}
