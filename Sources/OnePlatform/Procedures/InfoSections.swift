import GRDB
import OnePJSON

/// Computes each `info` section of one resource; nil when the section does not apply to its type.
struct InfoSections {
    let context: CallContext
    let target: ResourceRecord

    private var db: Database { context.db }

    func value(of section: InfoSection) throws -> JSON? {
        // Sections that do not fit the type answer Optional.none, never JSON's own null.
        let isClient = target.type == .client
        switch section {
        case .aliases: return isClient ? .some(try aliases()) : .none
        case .basic: return try basic()
        case .comments: return try comments()
        case .shares: return try shares()
        case .tagged: return isClient ? .some(try tagged()) : .some(.array([]))
        case .tags: return try tags()
        case .counts: return isClient ? .some(try counts()) : .none
        case .description: return .object(target.description)
        case .key: return target.cik.map(JSON.string)
        case .storage: return isClient ? .none : .some(try storage())
        case .subscribers: return try subscribers()
        case .usage: return isClient ? .some(try usage()) : .none
        }
    }

    /// The client's aliases grouped by the RID they name, in the order they were made.
    private func aliases() throws -> JSON {
        let rows = try db.all(
            "SELECT r.rid, a.alias FROM alias a JOIN resource r ON r.id = a.target_id WHERE a.client_id = ? ORDER BY a.id", [target.key]
        ) { ($0.string(0), $0.string(1)) }
        var order: [String] = []
        var byRID: [String: [JSON]] = [:]
        for (rid, alias) in rows {
            if byRID[rid]?.append(.string(alias)) == nil {
                order.append(rid)
                byRID[rid] = [.string(alias)]
            }
        }
        return .object(JSONObject(order.map { ($0, JSON.array(byRID[$0] ?? [])) }))
    }

    private func basic() throws -> JSON {
        var basic: JSONObject = ["created": .int(target.created), "modified": .int(target.modified)]
        if target.type == .client || target.type == .dispatch {
            basic["status"] = .string(target.isLocked ? "locked" : target.status.rawValue)
        }
        // Only a datarule can be a script: other resources cost no look at script state.
        if target.type == .datarule, let script = try ScriptStateStore.load(db, script: target.key) {
            basic["status"] = .string(script.status.rawValue)
            basic["activity"] = .array(script.activity)
        }
        basic["subscribers"] = .int(
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM resource WHERE subscribe_id = ?"), arguments: [target.key]) ?? 0)
        basic["type"] = .string(target.type.rawValue)
        return .object(basic)
    }

    /// Resources and shares the client has itself, and the disk its own time series use.
    private func counts() throws -> JSON {
        let disk =
            try Int.fetchOne(
                db,
                sql: "SELECT coalesce(sum(8 + length(p.value)), 0) FROM point p JOIN resource r ON r.id = p.resource_id WHERE r.parent_id = ?",
                arguments: [target.key]) ?? 0
        return try ownCounts(disk: disk)
    }

    /// Resources the client has or hands down to its clients, and the disk all of them use.
    private func usage() throws -> JSON {
        let disk =
            try Int.fetchOne(
                db,
                sql: """
                    WITH RECURSIVE below(id) AS (
                        SELECT id FROM resource WHERE parent_id = ?
                        UNION ALL SELECT r.id FROM resource r JOIN below b ON r.parent_id = b.id)
                    SELECT coalesce(sum(8 + length(p.value)), 0) FROM point p JOIN below b ON p.resource_id = b.id
                    """,
                arguments: [target.key]) ?? 0
        return try handedDownUsage(disk: disk)
    }

    private func storage() throws -> JSON {
        let start = Retention(target.description).oldestReadable(now: context.now)
        let stats = try PointStore.statistics(db, resource: target.key, since: start)
        return ["count": .int(stats.count), "first": .int(stats.first), "last": .int(stats.last), "size": .int(stats.size)]
    }

    private func subscribers() throws -> JSON {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT type, rid FROM resource WHERE subscribe_id = ? ORDER BY id"), arguments: [target.key])
        return .array(rows.map { [.string($0[0]), .string($0[1])] })
    }
}
