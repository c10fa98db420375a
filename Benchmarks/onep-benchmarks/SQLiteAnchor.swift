import Foundation
import GRDBSQLite

/// The physical anchor for storing points: SQLite itself inserting the same points into the
/// platform's own database file, on a connection of its own set up as the platform sets up its
/// connections (WAL, `synchronous = NORMAL`, foreign keys on), through the platform's insert
/// statement prepared once and bound for each point, in the same transactions (one per request).
/// Nothing is parsed, checked or converted: what is left is the database's own work.
///
/// The points go to the same resources at timestamps the platform has not used, and are removed
/// after each run, so the file is left as it was.
struct SQLiteAnchor {
    let database: String

    /// Elapsed and CPU seconds of the quickest of `runs` runs storing `perCall` points into each
    /// of `resources` (RIDs) in each of `transactions` transactions, `rowsPerInsert` points per
    /// executed statement, or nil when SQLite fails.
    func storePoints(
        resources: [String], perCall: Int, transactions: Int, rowsPerInsert: Int = 1, runs: Int = 3
    ) -> (elapsed: Double, cpu: Double)? {
        var connection: OpaquePointer?
        guard sqlite3_open(database, &connection) == SQLITE_OK, let db = connection else { return nil }
        defer { sqlite3_close(db) }
        sqlite3_busy_timeout(db, 30_000)
        guard execute(db, "PRAGMA synchronous = NORMAL"), execute(db, "PRAGMA foreign_keys = ON"),
            let ids = resourceIDs(db, rids: resources)
        else { return nil }
        // As the platform does: full inserts of `rowsPerInsert` points, the rest of a call one by one.
        guard let insert = prepare(db, rows: rowsPerInsert), let single = prepare(db, rows: 1) else { return nil }
        defer {
            sqlite3_finalize(insert)
            sqlite3_finalize(single)
        }
        let base = 4_000_000_000
        var best = Double.infinity
        var bestCPU = Double.infinity
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let cpuStart = PerCallScenario.cpuSeconds()
            for transaction in 0..<transactions {
                guard execute(db, "BEGIN IMMEDIATE") else { return nil }
                for id in ids {
                    var offset = 0
                    while offset < perCall {
                        let rows = perCall - offset >= rowsPerInsert ? rowsPerInsert : 1
                        let statement = rows == rowsPerInsert ? insert : single
                        for row in 0..<rows {
                            let index = CInt(row) * 3
                            sqlite3_bind_int64(statement, index + 1, id)
                            sqlite3_bind_int64(statement, index + 2, Int64(base + transaction * perCall + offset + row))
                            sqlite3_bind_int64(statement, index + 3, Int64(offset + row))
                        }
                        guard sqlite3_step(statement) == SQLITE_DONE else { return nil }
                        sqlite3_reset(statement)
                        offset += rows
                    }
                }
                guard execute(db, "COMMIT") else { return nil }
            }
            best = min(best, seconds(ContinuousClock.now - start))
            bestCPU = min(bestCPU, PerCallScenario.cpuSeconds() - cpuStart)
            let list = ids.map(String.init).joined(separator: ", ")
            guard execute(db, "DELETE FROM point WHERE resource_id IN (\(list)) AND timestamp >= \(base)") else { return nil }
        }
        return (best, bestCPU)
    }

    private func prepare(_ db: OpaquePointer, rows: Int) -> OpaquePointer? {
        let values = repeatElement("(?, ?, ?)", count: rows).joined(separator: ", ")
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO point (resource_id, timestamp, value) VALUES \(values)", -1, &prepared, nil) == SQLITE_OK
        else { return nil }
        return prepared
    }

    private func resourceIDs(_ db: OpaquePointer, rids: [String]) -> [Int64]? {
        var prepared: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT id FROM resource WHERE rid = ?", -1, &prepared, nil) == SQLITE_OK, let select = prepared else {
            return nil
        }
        defer { sqlite3_finalize(select) }
        var ids: [Int64] = []
        for rid in rids {
            sqlite3_bind_text(select, 1, rid, -1, unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
            guard sqlite3_step(select) == SQLITE_ROW else { return nil }
            ids.append(sqlite3_column_int64(select, 0))
            sqlite3_reset(select)
        }
        return ids
    }

    private func execute(_ db: OpaquePointer, _ sql: String) -> Bool {
        sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK
    }
}
