import GRDB

/// The time series table: one value per resource per second.
enum PointStore {
    struct Statistics {
        var count: Int
        var first: Int
        var last: Int
        var size: Int
    }

    /// Stores points one after the other through one prepared statement, bound straight
    /// through SQLite (see ``DirectStatement``): a batch of points costs little more than SQLite's
    /// own insert for each.
    struct Inserter {
        private let statement: DirectStatement

        init(_ db: Database) throws {
            statement = try DirectStatement(db, sql: "INSERT OR REPLACE INTO point (resource_id, timestamp, value) VALUES (?, ?, ?)")
        }

        /// Stores a point, replacing any point the resource already has in that second.
        func put(resource: Int64, timestamp: Int, value: PointValue) throws {
            statement.bind(1, resource)
            statement.bind(2, timestamp)
            statement.bind(3, value)
            try statement.execute()
        }
    }

    static func latest(_ db: Database, resource: Int64) throws -> (timestamp: Int, value: PointValue)? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT timestamp, value FROM point WHERE resource_id = ? ORDER BY timestamp DESC LIMIT 1"),
            arguments: [resource])
        guard let row, let value = PointValue.fromDatabaseValue(row[1]) else { return nil }
        return (row[0], value)
    }

    /// Points with `start <= timestamp <= end`, in the given order, at most `limit` of them.
    static func window(
        _ db: Database, resource: Int64, start: Int, end: Int, ascending: Bool, limit: Int?
    ) throws -> [(timestamp: Int, value: PointValue)] {
        var points: [(timestamp: Int, value: PointValue)] = []
        try forEach(db, resource: resource, start: start, end: end, ascending: ascending, limit: limit) { points.append(($0, $1)) }
        return points
    }

    /// The points of ``window(_:resource:start:end:ascending:limit:)`` handed to `body` one at a
    /// time as SQLite reads them, so a long window is never held whole.
    static func forEach(
        _ db: Database, resource: Int64, start: Int, end: Int, ascending: Bool, limit: Int?, _ body: (Int, PointValue) throws -> Void
    ) throws {
        let order = ascending ? "ASC" : "DESC"
        let statement = try db.cachedStatement(
            sql: """
                SELECT timestamp, value FROM point WHERE resource_id = ? AND timestamp BETWEEN ? AND ?
                ORDER BY timestamp \(order) LIMIT ?
                """)
        let cursor = ColumnCursor(statement, arguments: [resource, start, end, limit ?? -1]) { columns in
            columns.pointValue(1).map { (timestamp: columns.int(0), value: $0) }
        }
        while let point = try cursor.next() {
            if let point { try body(point.timestamp, point.value) }
        }
    }

    /// Removes points strictly between the bounds; a missing bound leaves that side open.
    static func remove(_ db: Database, resource: Int64, newerThan: Int?, olderThan: Int?) throws {
        try db.execute(
            sql: "DELETE FROM point WHERE resource_id = ? AND timestamp > ? AND timestamp < ?",
            arguments: [resource, newerThan ?? Int.min, olderThan ?? Int.max])
    }

    /// Count, first and last timestamp and size of the points at or after `since` (all when nil).
    static func statistics(_ db: Database, resource: Int64, since: Int? = nil) throws -> Statistics {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*), coalesce(min(timestamp), 0), coalesce(max(timestamp), 0),
                       coalesce(sum(8 + length(value)), 0)
                FROM point WHERE resource_id = ? AND timestamp >= ?
                """,
            arguments: [resource, since ?? Int.min])
        guard let row else { return Statistics(count: 0, first: 0, last: 0, size: 0) }
        return Statistics(count: row[0], first: row[1], last: row[2], size: row[3])
    }
}
