import GRDB
import GRDBSQLite

/// A cached statement bound by position and stepped straight through SQLite.
///
/// For the inserts a batch runs thousands of times (storing a point, noting a change in the
/// change log), and the small queries `info` makes of every resource of a walk (tags, comments):
/// GRDB's work around each execution (building and checking the arguments, telling its
/// observation broker, the suspension checks) costs several times the statement itself.
///
/// GRDB does not see these executions, so use it only for statements no transaction observer
/// watches and that run inside a transaction GRDB began or saw begin: inserts into `point`,
/// `change_log` and `resource` (``TimerObserver`` and ``ScriptObserver`` watch other tables, and
/// of `resource` only deletions), and queries (``rows(_:)``), which change nothing.
struct DirectStatement {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.statement = try db.cachedStatement(sql: sql)
        self.db = db
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    func bind(_ index: CInt, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: CInt, _ value: Int) {
        sqlite3_bind_int64(handle, index, Int64(value))
    }

    func bind(_ index: CInt, _ value: Double) {
        sqlite3_bind_double(handle, index, value)
    }

    func bind(_ index: CInt, _ value: String) {
        var text = value
        text.withUTF8 { bytes in
            // An empty string may have no base address, and SQLite binds a nil pointer as NULL.
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            sqlite3_bind_text(handle, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), CInt(bytes.count), Self.transient)
        }
    }

    /// Binds the value, or NULL for nil: bindings outlive an execution, so a nil must be bound too.
    func bind(_ index: CInt, _ value: String?) {
        guard let value else { return bindNull(index) }
        bind(index, value)
    }

    func bind(_ index: CInt, _ value: Int64?) {
        guard let value else { return bindNull(index) }
        bind(index, value)
    }

    func bindNull(_ index: CInt) {
        sqlite3_bind_null(handle, index)
    }

    func bind(_ index: CInt, _ value: PointValue) {
        switch value {
        case .integer(let number): bind(index, number)
        case .float(let number): bind(index, number)
        case .text(let text): bind(index, text)
        }
    }

    /// Steps the statement to its end and resets it for the next bindings.
    /// - Throws: `DatabaseError` with SQLite's code and message when a step fails.
    func execute() throws {
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
    }

    /// Steps a query through its rows, decoding each by column position, and resets it.
    /// - Throws: `DatabaseError` with SQLite's code and message when a step fails.
    func rows<Element>(_ decode: (SQLiteColumns) -> Element) throws -> [Element] {
        defer { sqlite3_reset(handle) }
        var rows: [Element] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                rows.append(decode(SQLiteColumns(statement: handle)))
                continue
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            return rows
        }
    }

    /// SQLite's `PRAGMA data_version` on this connection: it moves whenever another connection
    /// (of this process or another) commits, and never for this connection's own commits.
    static func dataVersion(_ db: Database) throws -> Int64? {
        try DirectStatement(db, sql: "PRAGMA data_version").rows { $0.int64(0) }.first
    }

    /// SQLite copies the bytes before the bind returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}
