import GRDB
import OnePJSON

/// The `info` sections about shares, tags, comments and what a client counts against its limits.
extension InfoSections {
    /// `[{"activator": rid | null, "code": c, "meta": m}, ...]`, oldest first.
    func shares() throws -> JSON {
        let rows = try Row.fetchAll(
            context.db.cachedStatement(
                sql: """
                    SELECT s.code, s.meta, r.rid FROM share s LEFT JOIN resource r ON r.id = s.activator_id
                    WHERE s.resource_id = ? ORDER BY s.id
                    """),
            arguments: [target.key])
        return .array(
            rows.map { row in
                let activator: String? = row[2]
                return ["activator": activator.map(JSON.string) ?? .null, "code": .string(row[0]), "meta": .string(row[1])]
            })
    }

    // A walk of a whole subtree (dump) asks every resource for its tags and comments, and most
    // have none: the rows are read straight through SQLite (``DirectStatement``, no GRDB rows or
    // arguments) and put in order here, so SQLite answers from the index alone, with no sorter.

    /// The tags any client put on the resource, each once, in the order first given.
    func tags() throws -> JSON {
        let statement = try DirectStatement(context.db, sql: "SELECT id, tag FROM tag WHERE resource_id = ?")
        statement.bind(1, target.key)
        return Self.firstGiven(try statement.rows { ($0.int64(0), $0.string(1)) })
    }

    /// The tags the resource (a client) has put on resources, each once, in the order first given.
    func tagged() throws -> JSON {
        let statement = try DirectStatement(context.db, sql: "SELECT id, tag FROM tag WHERE client_id = ?")
        statement.bind(1, target.key)
        return Self.firstGiven(try statement.rows { ($0.int64(0), $0.string(1)) })
    }

    /// Each tag once, in the order of its first row.
    private static func firstGiven(_ rows: [(id: Int64, tag: String)]) -> JSON {
        var seen = Set<String>()
        return .array(rows.sorted { $0.id < $1.id }.compactMap { seen.insert($0.tag).inserted ? .string($0.tag) : nil })
    }

    /// `[[visibility, text], ...]`: every public comment, and the caller's own private ones, oldest first.
    func comments() throws -> JSON {
        let statement = try DirectStatement(
            context.db, sql: "SELECT id, visibility, text FROM comment WHERE resource_id = ? AND (visibility = 'public' OR client_id = ?)")
        statement.bind(1, target.key)
        statement.bind(2, context.caller.key)
        let rows = try statement.rows { columns in
            (id: columns.int64(0), comment: JSON.array([.string(columns.string(1)), .string(columns.string(2))]))
        }
        return .array(rows.sorted { $0.id < $1.id }.map(\.comment))
    }

    /// What the client itself owns and, for consumables, used today (UTC).
    func ownCounts(disk: Int) throws -> JSON {
        let counted = try LimitLedger(db: context.db).own(target)
        let today = try ConsumptionStore.own(
            context.db, client: target.key, start: ConsumptionStore.dayStart(of: context.now), end: context.now)
        return .object(Self.tally(counted, consumed: today, disk: disk))
    }

    /// What the client owns and hands down to its clients, and what its subhierarchy used today.
    func handedDownUsage(disk: Int) throws -> JSON {
        let counted = try LimitLedger(db: context.db).usage(target)
        var today: [String: Int] = [:]
        for metric in ["email", "http", "sms", "xmpp"] {
            today[metric] = try ConsumptionStore.total(
                context.db, client: target.key, metric: metric, start: ConsumptionStore.dayStart(of: context.now), end: context.now)
        }
        return .object(Self.tally(counted, consumed: today, disk: disk))
    }

    private static func tally(_ counted: [String: Int], consumed: [String: Int], disk: Int) -> JSONObject {
        var result = JSONObject()
        for key in ["client", "dataport", "datarule", "disk", "dispatch", "email", "http", "share", "sms", "xmpp"] {
            switch key {
            case "disk": result[key] = .int(disk)
            case "email", "http", "sms", "xmpp": result[key] = .int(consumed[key] ?? 0)
            default: result[key] = .int(counted[key] ?? 0)
            }
        }
        return result
    }
}
