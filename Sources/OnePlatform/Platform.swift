import GRDB
import Logging

/// An embedded One Platform: the JSON-RPC API over one SQLite database.
///
/// A platform keeps one database connection for its lifetime. Open it on a directory to keep
/// data across restarts, or in memory for tests and throwaway sessions.
public final class Platform: Sendable {
    /// The root client and vendor created on the database's first start.
    public let bootstrap: PlatformBootstrap

    let engine: RPCEngine
    /// Datarule timers and scripts.
    let background: BackgroundWork
    /// How this platform shares its data directory with other processes; nil in memory.
    private let shared: SharedDirectory?

    /// What a platform on a directory needs to share it with other processes.
    private struct Sharing {
        let directory: String
        let opened: PlatformDatabase.Opened
        let log: ChangeLog
        let policy: BackgroundWorkPolicy
    }

    private init(database: any DatabaseWriter, clock: any PlatformClock, sharing: Sharing? = nil) throws {
        let now = clock.currentSecond
        do {
            bootstrap = try database.write { db in try BootstrapStore.loadOrCreate(db, now: now) }
        } catch {
            throw PlatformError.databaseUnavailable(database.path, reason: "\(error)")
        }
        let writerMemory = WriterMemory()
        do {
            try database.writeWithoutTransaction { db in try writerMemory.watch(db) }
        } catch {
            throw PlatformError.databaseUnavailable(database.path, reason: "\(error)")
        }
        let changes = ChangeHub(foreign: sharing.map { ForeignChanges(log: $0.log, newest: $0.opened.newestChange) })
        engine = RPCEngine(
            database: database, readers: sharing?.opened.readers, writerMemory: writerMemory, clock: clock, table: .standard,
            changes: changes, logger: Logger(label: "onep.platform.rpc"))
        let timers = TimerScheduler(database: database, clock: clock, changes: changes, logger: Logger(label: "onep.platform.timers"))
        let scripts = ScriptRunner(
            services: ScriptServices(database: database, clock: clock, engine: engine, logger: Logger(label: "onep.platform.scripts")))
        background = BackgroundWork(timers: timers, scripts: scripts)
        if let sharing {
            shared = SharedDirectory(
                directory: sharing.directory, connection: sharing.opened.follower, changes: changes, background: background,
                policy: sharing.policy, logger: Logger(label: "onep.platform.sharing"))
            shared?.start()
        } else {
            shared = nil
            background.start()
        }
    }

    deinit {
        shared?.close()
        background.stop()
    }

    /// Opens (or creates) the platform stored in `directory`, in the file `onep.sqlite`.
    ///
    /// Other processes may open the same directory at the same time: each sees the others'
    /// points within a few tens of milliseconds (waits and long polls end), and exactly one of
    /// them fires datarule timers and runs scripts (see ``backgroundWorkOwner``).
    ///
    /// - Parameter backgroundWork: whether this process takes its turn at timers and scripts.
    /// - Throws: ``PlatformError`` when the directory cannot be created or the database opened.
    public static func open(
        directory: String, clock: any PlatformClock = SystemClock(), backgroundWork: BackgroundWorkPolicy = .whenFree(as: "onep")
    ) throws -> Platform {
        let log = ChangeLog()
        let opened = try PlatformDatabase.openFile(directory: directory, origin: log.origin, now: clock.currentSecond)
        let sharing = Sharing(directory: directory, opened: opened, log: log, policy: backgroundWork)
        return try Platform(database: opened.pool, clock: clock, sharing: sharing)
    }

    /// Which process fires this platform's datarule timers and runs its scripts: this one for a
    /// platform in memory; on a directory, the one holding its lock.
    public var backgroundWorkOwner: BackgroundWorkOwner {
        shared?.owner ?? .thisProcess
    }

    /// A platform that lives only as long as this object.
    public static func inMemory(clock: any PlatformClock = SystemClock()) throws -> Platform {
        try Platform(database: try PlatformDatabase.openInMemory(now: clock.currentSecond), clock: clock)
    }

    /// The largest request body whose transaction ``processRPC(_:limits:release:)`` runs on the
    /// calling thread, blocking it for as long as the calls take (a few dozen calls); a larger
    /// body waits for the database off that thread.
    public static let inlineBodyLimit = RPCEngine.inlineBodyLimit

    /// Answers one JSON-RPC request body (`POST /onep:v1/rpc/process`).
    ///
    /// The HTTP status is always 200; failures are in the body. The body is empty when no call of
    /// the request asked for an answer, or when its `wait` was abandoned (or the task cancelled).
    ///
    /// - Parameters:
    ///   - limits: how many calls and how deep a nesting the request may hold; past them the
    ///     request is refused whole with the request-level error object.
    ///   - release: lets an HTTP front end a suspended `wait` early: expired when the server shuts
    ///     down, abandoned when its client goes away. Nothing but a suspended wait heeds it.
    ///
    /// A body of at most ``inlineBodyLimit`` bytes runs its transaction on the calling thread.
    public func processRPC(_ body: [UInt8], limits: RPCLimits = .standard, release: WaitRelease? = nil) async -> [UInt8] {
        await engine.process(body, limits: limits, release: release)
    }

    /// Fires every datarule timer due at the clock's current time, lets every script run as far
    /// as it can, and returns once what they produced is stored.
    ///
    /// The platform does this by itself as its clock moves and points arrive; this is for
    /// callers that move a ``ManualClock`` or write a point and then need the outcome at a known
    /// point. A script that runs a long time without waiting (a hundred slices) counts as settled.
    ///
    /// - Throws: an error from the database when the firings could not be stored.
    public func settle() async throws {
        try await background.settle()
    }

    /// The names of the procedures the RPC engine dispatches.
    public var procedureNames: [String] {
        engine.table.names
    }
}
