import Foundation
import GRDB

/// Opens the one database connection (pool or queue) a platform keeps for its whole life.
enum PlatformDatabase {
    static let fileName = "onep.sqlite"
    /// Held while a process opens (and perhaps migrates) the database, so two processes starting
    /// at once on a new directory do not both create its tables.
    static let openingLockFileName = "onep.open.lock"
    /// How long a statement waits for another process's write transaction before failing.
    static let busyTimeout: Double = 30

    /// A database file in `directory` and a connection of its own for following other processes'
    /// commits (see `SharedDirectory`).
    struct Opened {
        let pool: DatabasePool
        let follower: DatabaseQueue
        /// Read-only connections for small requests.
        let readers: ReaderConnections
        /// The newest row of the change log when it opened.
        let newestChange: Int64
    }

    /// - Parameters:
    ///   - origin: this platform's mark on the change log rows its triggers write.
    ///   - now: the platform clock's time, for migrations.
    static func openFile(directory: String, origin: Int64, now: Int) throws -> Opened {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PlatformError.directoryUnavailable(directory, reason: Self.reason(error))
        }
        let path = (directory as NSString).appendingPathComponent(fileName)
        let opening = DirectoryLock(path: (directory as NSString).appendingPathComponent(openingLockFileName))
        _ = opening.acquireWaiting()
        defer { opening.release() }
        do {
            // DatabasePool switches the file to WAL, so reads never wait for a writer.
            let pool = try DatabasePool(path: path, configuration: configuration(origin: origin))
            try Migrations.migrator(now: now).migrate(pool)
            let follower = try DatabaseQueue(path: path, configuration: configuration(origin: origin))
            let newest = try pool.read { db in try ChangeLog.newest(in: db) }
            let readers = ReaderConnections(path: path, configuration: configuration(origin: origin))
            return Opened(pool: pool, follower: follower, readers: readers, newestChange: newest)
        } catch {
            throw PlatformError.databaseUnavailable(path, reason: Self.reason(error))
        }
    }

    static func openInMemory(now: Int) throws -> any DatabaseWriter {
        do {
            let queue = try DatabaseQueue(configuration: configuration(origin: nil))
            try Migrations.migrator(now: now).migrate(queue)
            return queue
        } catch {
            throw PlatformError.databaseUnavailable(":memory:", reason: Self.reason(error))
        }
    }

    private static func configuration(origin: Int64?) -> Configuration {
        var configuration = Configuration()
        configuration.label = "onep.platform"
        // Other processes on the directory take turns at writing: wait for them rather than fail.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync stays consistent after a crash and avoids an fsync per commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly { try db.execute(sql: writerPragmas) }
            ChangeLog.registerOrigin(origin, on: db)
        }
        return configuration
    }

    /// For the connection that writes. A batch of a thousand creates changes over a thousand
    /// pages (new RIDs land all over their index): with SQLite's default cache of 2 MB it spills
    /// pages to the log halfway and reads them back, and with the default checkpoint every 1,000
    /// pages of log every such commit copies its pages into the database and syncs it. A cache of
    /// 16 MB holds such a batch, and a checkpoint every 8,000 pages (32 MB of log) copies a page
    /// that many commits changed once. Readers keep the default cache.
    ///
    /// Every changing call runs in a savepoint, and SQLite saves the old content of each page a
    /// savepoint first changes in a statement journal: by default a file in /var/tmp, written with
    /// a system call per page (a batch of a thousand creates made over a hundred thousand of
    /// them). `temp_store = MEMORY` keeps those journals in memory; they last one request.
    static let writerPragmas = "PRAGMA cache_size = -16384; PRAGMA wal_autocheckpoint = 8000; PRAGMA temp_store = MEMORY"

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        let text = (error as NSError).localizedDescription
        return text.split(separator: "\n").first.map(String.init) ?? text
    }
}
