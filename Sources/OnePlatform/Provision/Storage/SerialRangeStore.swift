import GRDB

enum SerialRangeStore {
    static func ranges(_ db: Database, model: Int64) throws -> [SerialRange] {
        try Row.fetchAll(db, sql: "SELECT format, length, casing, first, last FROM serial_range WHERE model_id = ? ORDER BY id", arguments: [model])
            .compactMap { row in
                guard let format = SerialRange.Format(rawValue: row["format"]) else { return nil }
                return SerialRange(format: format, length: row["length"], upper: row["casing"] == "upper", first: row["first"], last: row["last"])
            }
    }

    static func add(_ db: Database, model: Int64, _ range: SerialRange) throws {
        try db.execute(
            sql: "INSERT INTO serial_range (model_id, format, length, casing, first, last) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [model, range.format.rawValue, range.length, range.upper ? "upper" : "lower", range.first, range.last])
    }

    /// Removes a range equal to `range`; a range the model does not have is refused.
    static func remove(_ db: Database, model: Int64, _ range: SerialRange) throws {
        let id = try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM serial_range WHERE model_id = ? AND format = ? AND length IS ? AND casing = ? AND first = ? AND last = ?
                """,
            arguments: [model, range.format.rawValue, range.length, range.upper ? "upper" : "lower", range.first, range.last])
        guard let id else { throw ProvisionFailure.notFound("the model has no such range") }
        try db.execute(sql: "DELETE FROM serial_range WHERE id = ?", arguments: [id])
    }
}
