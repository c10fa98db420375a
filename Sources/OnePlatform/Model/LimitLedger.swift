import GRDB
import OnePJSON

/// The count limits of clients: how many clients, dataports, datarules, dispatches and shares
/// each may have, counting what it hands down to its own clients.
///
/// A client's usage of a type is what it owns itself plus, for each client it owns, that
/// client's limit when the limit is a number (the amount handed down) or that client's own
/// usage when the limit is `"inherit"` (it draws straight from its owner). `"inherit"` at the
/// root means no limit at all.
///
/// Limits go up to the largest integer, so sums of them saturate there: a usage of `Int.max`
/// means "at least that much", which no limit leaves room beside.
struct LimitLedger {
    static let countedTypes = ["client", "dataport", "datarule", "dispatch", "share"]

    enum Limit: Equatable {
        case count(Int)
        case inherit
    }

    let db: Database
    /// Where a run of creates keeps the owners it has read; nil reads each from the database.
    var records: Ancestry? = nil

    /// The limit a client's description sets for `type`; a limit never set is 0.
    static func limit(of client: ResourceRecord, _ type: String) -> Limit {
        limit(in: client.description, type)
    }

    static func limit(in description: JSONObject, _ type: String) -> Limit {
        let value = description["limits"]?[type]
        if value?.stringValue == "inherit" { return .inherit }
        return .count(value?.intValue ?? 0)
    }

    /// What the client itself owns of each counted type.
    func own(_ client: ResourceRecord) throws -> [String: Int] {
        var result = Dictionary(uniqueKeysWithValues: Self.countedTypes.map { ($0, 0) })
        let rows = try Row.fetchAll(
            db, sql: "SELECT type, count(*) FROM resource WHERE parent_id = ? GROUP BY type", arguments: [client.key])
        for row in rows { result[row[0]] = row[1] }
        result["share"] = try Int.fetchOne(db, sql: "SELECT count(*) FROM share WHERE creator_id = ?", arguments: [client.key]) ?? 0
        return result
    }

    /// What the client owns plus what it hands down, per counted type.
    func usage(_ client: ResourceRecord) throws -> [String: Int] {
        var result = try own(client)
        let children = try ResourceRecord.filter(
            ResourceRecord.Columns.parentID == client.key && ResourceRecord.Columns.type == ResourceType.client.rawValue
        ).fetchAll(db)
        for child in children {
            let inherits = Self.countedTypes.contains { Self.limit(of: child, $0) == .inherit }
            let childUsage = inherits ? try usage(child) : [:]
            for type in Self.countedTypes {
                switch Self.limit(of: child, type) {
                case .count(let number): result[type] = Self.sum(result[type] ?? 0, number)
                case .inherit: result[type] = Self.sum(result[type] ?? 0, childUsage[type] ?? 0)
                }
            }
        }
        return result
    }

    /// Fails with `limit` unless `client` (or, through `"inherit"`, its owners) has room for
    /// `amount` more of `type`.
    func ensureRoom(for amount: Int, of type: String, in client: ResourceRecord) throws {
        guard amount > 0 else { return }
        var node = client
        while true {
            switch Self.limit(of: node, type) {
            case .count(let number):
                // Subtracted, not added: usage + amount may pass the largest integer.
                guard amount <= number, try usage(node)[type, default: 0] <= number - amount else { throw CallFailure.status(.limit) }
                return
            case .inherit:
                guard let parentID = node.parentID, let parent = try owner(parentID) else { return }
                node = parent
            }
        }
    }

    private func owner(_ id: Int64) throws -> ResourceRecord? {
        if let records { return try records.record(id: id, in: db) }
        return try ResourceRecord.fetch(db, id: id)
    }

    /// Checks that `parent` may own a new resource of `type` with this (normalized) description.
    func admit(_ type: ResourceType, description: JSONObject, under parent: ResourceRecord) throws {
        guard type == .client else {
            try ensureRoom(for: 1, of: type.rawValue, in: parent)
            return
        }
        for counted in Self.countedTypes {
            var amount = counted == ResourceType.client.rawValue ? 1 : 0
            if case .count(let number) = Self.limit(in: description, counted) { amount = Self.sum(amount, number) }
            try ensureRoom(for: amount, of: counted, in: parent)
        }
    }

    /// Checks new limits for an existing client: none below what it uses, none its owners cannot cover.
    func admitUpdate(of client: ResourceRecord, to description: JSONObject) throws {
        let used = try usage(client)
        guard let parentID = client.parentID, let parent = try ResourceRecord.fetch(db, id: parentID) else { return }
        for type in Self.countedTypes {
            guard case .count(let wanted) = Self.limit(in: description, type) else { continue }
            let inUse = used[type, default: 0]
            guard wanted >= inUse else { throw CallFailure.status(.limit) }
            let handedDown: Int
            switch Self.limit(of: client, type) {
            case .count(let number): handedDown = number
            case .inherit: handedDown = inUse
            }
            try ensureRoom(for: wanted - handedDown, of: type, in: parent)
        }
    }

    /// `a + b` for counts, held at `Int.max` instead of overflowing.
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }
}
