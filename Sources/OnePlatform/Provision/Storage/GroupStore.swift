import GRDB

/// One member of a group: a serial number (`sn`), a content id (`content`), another group
/// (`group`) or anything else a vendor wants to file under a type name.
struct GroupMember: Sendable, Equatable {
    var type: String
    var id: String
    /// Unix time after which the membership no longer counts; 0 for never.
    var expire: Int
    var meta: String

    var fields: [String] { [type, id, String(expire), meta] }
}

enum GroupStore {
    static func group(_ db: Database, model: Int64, name: String) throws -> (id: Int64, meta: String)? {
        try Row.fetchOne(db, sql: "SELECT id, meta FROM sn_group WHERE model_id = ? AND name = ?", arguments: [model, name]).map {
            ($0[0], $0[1])
        }
    }

    static func page(_ db: Database, model: Int64, page: Page) throws -> [(name: String, meta: String)] {
        try Row.fetchAll(
            db, sql: "SELECT name, meta FROM sn_group WHERE model_id = ? ORDER BY id LIMIT ? OFFSET ?",
            arguments: [model, page.limit, page.offset]
        ).map { ($0[0], $0[1]) }
    }

    static func create(_ db: Database, model: Int64, name: String, meta: String) throws {
        guard try group(db, model: model, name: name) == nil else {
            throw ProvisionFailure.conflict("group \(name) already exists: pick another id or delete it first")
        }
        try db.execute(sql: "INSERT INTO sn_group (model_id, name, meta) VALUES (?, ?, ?)", arguments: [model, name, meta])
    }

    static func delete(_ db: Database, model: Int64, name: String) throws {
        guard let found = try group(db, model: model, name: name) else { throw ProvisionFailure.notFound("unknown group \(name)") }
        try db.execute(sql: "DELETE FROM sn_group WHERE id = ?", arguments: [found.id])
        try db.execute(
            sql: "DELETE FROM sn_group_member WHERE type = 'group' AND member = ? AND group_id IN (SELECT id FROM sn_group WHERE model_id = ?)",
            arguments: [name, model])
    }

    static func memberCount(_ db: Database, group: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sn_group_member WHERE group_id = ?", arguments: [group]) ?? 0
    }

    static func members(_ db: Database, group: Int64, type: String?, id: String?, page: Page) throws -> [GroupMember] {
        var sql = "SELECT type, member, expire, meta FROM sn_group_member WHERE group_id = ?"
        var arguments: StatementArguments = [group]
        if let type {
            sql += " AND type = ?"
            arguments += [type]
        }
        if let id {
            sql += " AND member = ?"
            arguments += [id]
        }
        sql += " ORDER BY rowid LIMIT ? OFFSET ?"
        arguments += [page.limit, page.offset]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { GroupMember(type: $0[0], id: $0[1], expire: $0[2], meta: $0[3]) }
    }

    static func upsert(_ db: Database, group: Int64, _ member: GroupMember) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO sn_group_member (group_id, type, member, expire, meta) VALUES (?, ?, ?, ?, ?)",
            arguments: [group, member.type, member.id, member.expire, member.meta])
    }

    static func removeMember(_ db: Database, group: Int64, type: String, id: String) throws {
        try db.execute(sql: "DELETE FROM sn_group_member WHERE group_id = ? AND type = ? AND member = ?", arguments: [group, type, id])
        guard db.changesCount > 0 else { throw ProvisionFailure.notFound("the group has no member \(type) \(id)") }
    }

    /// The names of the model's groups that list `member` of `type` directly.
    static func containing(_ db: Database, model: Int64, type: String, member: String, page: Page) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT g.name FROM sn_group_member m JOIN sn_group g ON g.id = m.group_id
                WHERE g.model_id = ? AND m.type = ? AND m.member = ? ORDER BY g.id LIMIT ? OFFSET ?
                """,
            arguments: [model, type, member, page.limit, page.offset])
    }

    /// Every group that holds `member`, directly or through groups inside groups, counting only
    /// memberships that have not expired.
    static func enclosing(_ db: Database, model: Int64, type: String, member: String, now: Int) throws -> Set<String> {
        var found = Set<String>()
        var frontier = [(type, member)]
        while let (currentType, current) = frontier.popLast() {
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT g.name FROM sn_group_member m JOIN sn_group g ON g.id = m.group_id
                    WHERE g.model_id = ? AND m.type = ? AND m.member = ? AND (m.expire = 0 OR m.expire > ?)
                    """,
                arguments: [model, currentType, current, now])
            for name in names where found.insert(name).inserted {
                frontier.append(("group", name))
            }
        }
        return found
    }
}

/// The `offset` and `limit` of a paged listing; the limit is held between 5 and 1000.
struct Page: Sendable {
    var offset: Int
    var limit: Int

    init(_ fields: FormFields, defaultLimit: Int = 5) throws(ProvisionFailure) {
        offset = try fields.integer("offset", default: 0)
        limit = min(1000, max(5, try fields.integer("limit", default: defaultLimit)))
    }
}
