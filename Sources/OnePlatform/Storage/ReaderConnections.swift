import GRDB
import Synchronization

/// Read-only connections to a platform's database file, for requests small enough to run on the
/// calling thread.
///
/// GRDB's `DatabasePool.read` takes a reader from its pool, switches it to read-only, checks the
/// schema and compiles `BEGIN` and `COMMIT` again each time: for a request of one call that
/// costs more than the call itself. A connection here is kept read-only from its opening and runs
/// each request in a transaction begun with cached statements (``Database/inRequestTransaction(_:_:)``).
///
/// At most ``maximumCount`` connections are opened; when all are busy, ``read(_:)`` answers nil
/// and the caller goes through the pool instead.
final class ReaderConnections: Sendable {
    static let maximumCount = 4

    /// One connection, the schema version its caches were built for and what it remembers.
    private final class Reader: @unchecked Sendable {
        // Unchecked: only the request that took it from `state` touches it until it is given back.
        let queue: DatabaseQueue
        var schemaVersion: Int32?
        let memory = ReaderMemory()

        init(queue: DatabaseQueue) {
            self.queue = queue
        }
    }

    private struct State {
        var idle: [Reader] = []
        var opened = 0
    }

    private let path: String
    private let configuration: Configuration
    // Guards the idle connections and how many were opened; a connection is used outside the lock.
    private let state = Mutex(State())

    /// - Parameter configuration: the platform's connection configuration; it is made read-only here.
    init(path: String, configuration: Configuration) {
        self.path = path
        var configuration = configuration
        // Its busy timeout stays: a busy file (another process recovering it) is waited for.
        configuration.readonly = true
        configuration.label = "onep.platform.reader"
        self.configuration = configuration
    }

    /// Runs `body` in a read transaction on an idle connection, with what that connection
    /// remembers of the database as it is (see ``ReaderMemory``); nil when every connection is
    /// busy (or a new one could not be opened), and `body` did not run.
    func read<T>(_ body: (Database, ReaderMemory) throws -> T) throws -> T? {
        guard let reader = take() else { return nil }
        defer { state.withLock { $0.idle.append(reader) } }
        return try reader.queue.writeWithoutTransaction { db in
            try db.inRequestTransaction(.reading) {
                // Inside the transaction, so it sees whether anything committed before this snapshot
                // since the last one; this connection commits nothing itself.
                if try reader.memory.startRequest(in: db) {
                    // Another process on the directory may have migrated the file since the last request.
                    let version = try db.schemaVersion()
                    if version != reader.schemaVersion {
                        if reader.schemaVersion != nil { db.clearSchemaCache() }
                        reader.schemaVersion = version
                    }
                }
                return try body(db, reader.memory)
            }
        }
    }

    private func take() -> Reader? {
        let reserved = state.withLock { state -> Reader?? in
            if let idle = state.idle.popLast() { return .some(idle) }
            guard state.opened < Self.maximumCount else { return .none }
            state.opened += 1
            return .some(nil)
        }
        switch reserved {
        case .none: return nil
        case .some(let idle?): return idle
        case .some(nil):
            do {
                return Reader(queue: try DatabaseQueue(path: path, configuration: configuration))
            } catch {
                state.withLock { $0.opened -= 1 }
                return nil
            }
        }
    }
}
