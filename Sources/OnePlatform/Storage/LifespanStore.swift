import GRDB

/// The history of which resources lay below which clients, for `usage` of entity metrics.
///
/// Insertion is recorded by a trigger (see ``MigrationDepth``); dropping and moving are recorded here.
enum LifespanStore {
    /// Ends the history of `resource` and everything below it.
    static func closeSubtree(_ db: Database, of resource: ResourceRecord, at now: Int) throws {
        try db.execute(
            sql: subtree + " UPDATE lifespan SET ended = ? WHERE ended IS NULL AND resource_id IN (SELECT id FROM below)",
            arguments: [resource.key, now])
    }

    /// Records that `resource` and its subtree left `lost` ancestors and joined `gained` ones.
    static func move(_ db: Database, _ resource: ResourceRecord, lost: [Int64], gained: [Int64], at now: Int) throws {
        for ancestor in lost {
            try db.execute(
                sql: subtree
                    + " UPDATE lifespan SET ended = ? WHERE ended IS NULL AND ancestor_id = ? AND resource_id IN (SELECT id FROM below)",
                arguments: [resource.key, now, ancestor])
        }
        for ancestor in gained {
            try db.execute(
                sql: subtree
                    + """
                     INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                    SELECT r.id, ?, r.type, ? FROM resource r JOIN below b ON r.id = b.id
                    """,
                arguments: [resource.key, ancestor, now])
        }
    }

    /// The sum over each second of [start, end) of how many resources of `type` lay below `client`;
    /// seconds after `now` have not happened and count nothing.
    static func integrate(_ db: Database, client: Int64, type: String, start: Int, end: Int, now: Int) throws -> Int {
        guard end > start else { return 0 }
        return try Int.fetchOne(
            db,
            sql: """
                SELECT coalesce(sum(max(0, min(coalesce(ended, ?), ?) - max(started, ?))), 0)
                FROM lifespan WHERE ancestor_id = ? AND type = ?
                """,
            arguments: [now, end, start, client, type]) ?? 0
    }

    private static let subtree = """
        WITH RECURSIVE below(id) AS (
            SELECT ? UNION ALL SELECT r.id FROM resource r JOIN below b ON r.parent_id = b.id)
        """
}
