import GRDB
import GRDBSQLite

/// The current row of a ``ColumnCursor``, its columns read straight from SQLite by position.
struct SQLiteColumns {
    let statement: SQLiteStatement

    func int64(_ index: CInt) -> Int64 {
        sqlite3_column_int64(statement, index)
    }

    func int(_ index: CInt) -> Int {
        Int(sqlite3_column_int64(statement, index))
    }

    func isNull(_ index: CInt) -> Bool {
        sqlite3_column_type(statement, index) == SQLITE_NULL
    }

    func optionalInt64(_ index: CInt) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// The column's text, with its length: text holding U+0000 comes back whole.
    func string(_ index: CInt) -> String {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// A resource type column, read without making a string.
    func resourceType(_ index: CInt) -> ResourceType? {
        withText(index) { text in
            Self.typeNames.first { $0.name.count == text.count && $0.name.elementsEqual(text) }?.type
        }
    }

    private static let typeNames = ResourceType.allCases.map { (type: $0, name: Array($0.rawValue.utf8)) }

    func optionalString(_ index: CInt) -> String? {
        isNull(index) ? nil : string(index)
    }

    /// Hands the column's text to `body` as bytes, without making a string of it.
    func withText<T>(_ index: CInt, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        // The text pointer first, then its length: that order is what SQLite documents.
        let text = sqlite3_column_text(statement, index)
        let count = Int(sqlite3_column_bytes(statement, index))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : count))
    }

    /// An integer, float or text column as a point value; nil for anything else.
    func pointValue(_ index: CInt) -> PointValue? {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER: return .integer(int(index))
        case SQLITE_FLOAT: return .float(sqlite3_column_double(statement, index))
        case SQLITE_TEXT: return .text(string(index))
        default: return nil
        }
    }
}

/// A cursor that decodes each row from its columns by position.
///
/// GRDB's `Row` makes an index of lowercased column names for every query it runs; the lookups
/// that every call makes (a resource by RID, an alias, a listing) cost less without it.
final class ColumnCursor<Element>: DatabaseCursor {
    let _statement: Statement
    var _isDone = false
    private let decode: (SQLiteColumns) throws -> Element

    init(_ statement: Statement, arguments: StatementArguments, decode: @escaping (SQLiteColumns) throws -> Element) {
        _statement = statement
        self.decode = decode
        // The statements are the platform's own, so the arguments fit them.
        statement.setUncheckedArguments(arguments)
    }

    deinit {
        // A cursor left before its last row must not leave its statement running.
        sqlite3_reset(_statement.sqliteStatement)
    }

    func _element(sqliteStatement: SQLiteStatement) throws -> Element {
        try decode(SQLiteColumns(statement: sqliteStatement))
    }
}

extension Database {
    /// The first row `sql` answers, decoded; for lookups by a unique key.
    func first<Element>(_ sql: String, _ arguments: StatementArguments, decode: @escaping (SQLiteColumns) throws -> Element) throws -> Element? {
        try ColumnCursor(cachedStatement(sql: sql), arguments: arguments, decode: decode).next()
    }

    /// Every row `sql` answers, decoded, in order.
    func all<Element>(_ sql: String, _ arguments: StatementArguments, decode: @escaping (SQLiteColumns) throws -> Element) throws -> [Element] {
        let cursor = ColumnCursor(try cachedStatement(sql: sql), arguments: arguments, decode: decode)
        var rows: [Element] = []
        while let row = try cursor.next() { rows.append(row) }
        return rows
    }
}
