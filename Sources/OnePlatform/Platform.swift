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

    private init(database: any DatabaseWriter, clock: any PlatformClock) throws {
        let now = clock.currentSecond
        do {
            bootstrap = try database.write { db in try BootstrapStore.loadOrCreate(db, now: now) }
        } catch {
            throw PlatformError.databaseUnavailable(database.path, reason: "\(error)")
        }
        let changes = ChangeHub()
        engine = RPCEngine(
            database: database, clock: clock, table: .standard, changes: changes, logger: Logger(label: "onep.platform.rpc"))
        let timers = TimerScheduler(database: database, clock: clock, changes: changes, logger: Logger(label: "onep.platform.timers"))
        let scripts = ScriptRunner(
            services: ScriptServices(database: database, clock: clock, engine: engine, logger: Logger(label: "onep.platform.scripts")))
        background = BackgroundWork(timers: timers, scripts: scripts)
        background.start()
    }

    deinit {
        background.stop()
    }

    /// Opens (or creates) the platform stored in `directory`, in the file `onep.sqlite`.
    ///
    /// - Throws: ``PlatformError`` when the directory cannot be created or the database opened.
    public static func open(directory: String, clock: any PlatformClock = SystemClock()) throws -> Platform {
        let database = try PlatformDatabase.openFile(directory: directory)
        return try Platform(database: database, clock: clock)
    }

    /// A platform that lives only as long as this object.
    public static func inMemory(clock: any PlatformClock = SystemClock()) throws -> Platform {
        try Platform(database: try PlatformDatabase.openInMemory(), clock: clock)
    }

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
