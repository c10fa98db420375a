import GRDB

/// The `change_log` table: what each commit changed, for the other processes on the directory.
///
/// A process notes in the log, inside the transaction that made them, the resources whose time
/// series it changed; triggers note timers set and scripts started, changed or gone. Each row
/// carries the `origin` of the platform that wrote it, so a process can skip its own rows: its
/// own commits already reached its waiters through its ``ChangeHub``.
struct ChangeLog: Sendable {
    enum Kind: Int64, Sendable {
        case points = 0
        case timer = 1
        case script = 2
    }

    struct Entry: Sendable, Equatable {
        let seq: Int64
        let kind: Kind
        let key: Int64
        let origin: Int64
    }

    /// How many of the newest rows the log keeps; a reader further behind sees a gap.
    static let retainedRows: Int64 = 16_384
    /// Old rows go when the newest seq crosses a multiple of this.
    static let pruneEvery: Int64 = 1_024

    /// This platform's mark on the rows it writes: random, so two platforms never share it.
    let origin: Int64

    init(origin: Int64 = Int64.random(in: 1...Int64.max)) {
        self.origin = origin
    }

    /// Notes that the time series of these resources changed; call it inside the transaction.
    func append(_ keys: Set<Int64>, in db: Database) throws {
        guard !keys.isEmpty else { return }
        let statement = try DirectStatement(db, sql: "INSERT INTO change_log (kind, key, origin) VALUES (0, ?, ?)")
        statement.bind(2, origin)
        for key in keys {
            statement.bind(1, key)
            try statement.execute()
        }
        let newest = db.lastInsertedRowID
        let before = newest - Int64(keys.count)
        if newest / Self.pruneEvery != before / Self.pruneEvery {
            try db.cachedStatement(sql: "DELETE FROM change_log WHERE seq <= ?").execute(arguments: [newest - Self.retainedRows])
        }
    }

    /// The rows after `seq`, oldest first.
    static func entries(after seq: Int64, in db: Database) throws -> [Entry] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT seq, kind, key, origin FROM change_log WHERE seq > ? ORDER BY seq"), arguments: [seq])
        return rows.compactMap { row in
            guard let kind = Kind(rawValue: row[1]) else { return nil }
            return Entry(seq: row[0], kind: kind, key: row[2], origin: row[3])
        }
    }

    /// The newest seq written so far (0 when the log is empty).
    static func newest(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(seq) FROM change_log") ?? 0
    }

    /// The SQL function the triggers call for the origin: registered on every connection of a
    /// platform opened on a directory; nil (no logging) for a platform kept in memory.
    static func registerOrigin(_ origin: Int64?, on db: Database) {
        db.add(function: DatabaseFunction("onep_origin", argumentCount: 0, pure: false) { _ in origin })
    }
}
