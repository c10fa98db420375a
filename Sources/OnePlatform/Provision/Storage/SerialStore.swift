import GRDB

/// One serial number of a model and the client enabled for it.
struct SerialNumber: Sendable {
    var id: Int64
    var sn: String
    var extra: String
    var clientID: Int64?
    var wasEnabled: Bool
    var enabledBy: String?
}

/// What a serial number's client is doing, as `model/<m>/<sn>` reports it.
enum SerialStatus: String, Sendable {
    /// Nothing enabled yet.
    case unused
    case notactivated
    case activated
    case expired
    /// A client was enabled but has since been dropped.
    case orphaned
}

enum SerialStore {
    private static let columns = "id, sn, extra, client_id, was_enabled, enabled_by"

    static func serial(_ db: Database, model: Int64, sn: String) throws -> SerialNumber? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM serial WHERE model_id = ? AND sn = ?", arguments: [model, sn]).map(serial(from:))
    }

    /// The serial number row, made on first use when the number lies in one of the model's ranges.
    static func existing(_ db: Database, model: Int64, sn: String) throws -> SerialNumber? {
        if let found = try serial(db, model: model, sn: sn) { return found }
        guard try SerialRangeStore.ranges(db, model: model).contains(where: { $0.contains(sn) }) else { return nil }
        try add(db, model: model, sn: sn, extra: "")
        return try serial(db, model: model, sn: sn)
    }

    /// The serial number bound to a client, with its model.
    static func serial(_ db: Database, client: Int64) throws -> (model: Int64, serial: SerialNumber)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT model_id, \(columns) FROM serial WHERE client_id = ?", arguments: [client]) else {
            return nil
        }
        return (row["model_id"], serial(from: row))
    }

    static func page(_ db: Database, model: Int64, offset: Int, limit: Int, enabledBy: String?) throws -> [SerialNumber] {
        var sql = "SELECT \(columns) FROM serial WHERE model_id = ?"
        var arguments: StatementArguments = [model]
        if let enabledBy {
            sql += " AND enabled_by = ?"
            arguments += [enabledBy]
        }
        sql += " ORDER BY id LIMIT ? OFFSET ?"
        arguments += [limit, offset]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(serial(from:))
    }

    /// Adds a serial number; a number the model already has is a conflict.
    static func add(_ db: Database, model: Int64, sn: String, extra: String) throws {
        guard !sn.isEmpty else { throw ProvisionFailure.badRequest("a serial number may not be empty") }
        guard try serial(db, model: model, sn: sn) == nil else {
            throw ProvisionFailure.conflict("serial number \(sn) already exists: leave it out or remove it first")
        }
        try db.execute(
            sql: "INSERT INTO serial (model_id, sn, extra, was_enabled) VALUES (?, ?, ?, 0)", arguments: [model, sn, extra])
    }

    /// Removes a serial number; an unknown one is refused.
    static func remove(_ db: Database, model: Int64, sn: String) throws {
        try db.execute(sql: "DELETE FROM serial WHERE model_id = ? AND sn = ?", arguments: [model, sn])
        guard db.changesCount > 0 else { throw ProvisionFailure.notFound("unknown serial number \(sn)") }
        try db.execute(
            sql: "DELETE FROM sn_group_member WHERE type = 'sn' AND member = ? AND group_id IN (SELECT id FROM sn_group WHERE model_id = ?)",
            arguments: [sn, model])
    }

    static func bind(_ db: Database, serial: Int64, client: Int64?, enabledBy: String?) throws {
        try db.execute(
            sql: "UPDATE serial SET client_id = ?, was_enabled = ?, enabled_by = ? WHERE id = ?",
            arguments: [client, client != nil, enabledBy, serial])
    }

    static func status(_ db: Database, _ serial: SerialNumber) throws -> SerialStatus {
        guard let clientID = serial.clientID else { return serial.wasEnabled ? .orphaned : .unused }
        guard let client = try ResourceRecord.fetch(db, id: clientID) else { return .orphaned }
        switch client.status {
        case .activated: return .activated
        case .notactivated: return .notactivated
        case .expired: return .expired
        }
    }

    static func rid(_ db: Database, _ serial: SerialNumber) throws -> String {
        guard let clientID = serial.clientID else { return "" }
        return try String.fetchOne(db, sql: "SELECT rid FROM resource WHERE id = ?", arguments: [clientID]) ?? ""
    }

    // MARK: Log

    static func log(_ db: Database, serial: Int64, now: Int, connection: String, entry: String) throws {
        try db.execute(
            sql: "INSERT INTO serial_log (serial_id, timestamp, connection, entry) VALUES (?, ?, ?, ?)",
            arguments: [serial, now, connection, entry])
    }

    static func logRows(_ db: Database, serial: Int64) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT timestamp, connection, entry FROM serial_log WHERE serial_id = ? ORDER BY id", arguments: [serial])
            .map { row in [String(row[0] as Int), row[1], row[2]] }
    }

    private static func serial(from row: Row) -> SerialNumber {
        SerialNumber(
            id: row["id"], sn: row["sn"], extra: row["extra"], clientID: row["client_id"], wasEnabled: row["was_enabled"],
            enabledBy: row["enabled_by"])
    }
}
