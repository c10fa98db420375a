import GRDB

/// The history of which resources lay below which clients, for `usage` of entity metrics.
///
/// It is kept as edges: which client owned a resource, from when to when. Insertion is recorded
/// by a trigger (see ``LifespanEdgeMigration``); dropping and moving are recorded here. The
/// history from before the edges (rows per ancestor, closed when the edges began) is summed beside
/// them.
enum LifespanStore {
    /// Ends the history of `resource`, and with it that of everything below it: what lies below
    /// is reached through this edge, so it counts for no time after it.
    static func closeSubtree(_ db: Database, of resource: ResourceRecord, at now: Int) throws {
        try closeEdge(db, of: resource, at: now)
    }

    /// Records that `resource`, with its subtree, left its owner for `destination`.
    static func move(_ db: Database, _ resource: ResourceRecord, to destination: Int64, at now: Int) throws {
        try closeEdge(db, of: resource, at: now)
        // A resource moved away and back within one second meets its own edge of no length.
        try db.cachedStatement(
            sql: """
                INSERT INTO lifespan_edge (parent_id, resource_id, type, started) VALUES (?, ?, ?, ?)
                ON CONFLICT (parent_id, resource_id, started) DO UPDATE SET ended = NULL
                """
        ).execute(arguments: [destination, resource.key, resource.type.rawValue, now])
    }

    private static func closeEdge(_ db: Database, of resource: ResourceRecord, at now: Int) throws {
        guard let parent = resource.parentID else { return }
        try db.cachedStatement(sql: "UPDATE lifespan_edge SET ended = ? WHERE parent_id = ? AND resource_id = ? AND ended IS NULL")
            .execute(arguments: [now, parent, resource.key])
    }

    /// The sum over each second of [start, end) of how many resources of `type` lay below `client`;
    /// seconds after `now` have not happened and count nothing.
    static func integrate(_ db: Database, client: Int64, type: String, start: Int, end: Int, now: Int) throws -> Int {
        guard end > start else { return 0 }
        let before =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT coalesce(sum(max(0, min(coalesce(ended, ?), ?) - max(started, ?))), 0)
                    FROM lifespan WHERE ancestor_id = ? AND type = ?
                    """,
                arguments: [now, end, start, client, type]) ?? 0
        // Each resource below with the time it lay below `client` within the window: its own edge's
        // time narrowed by that of every edge above it, down to the client.
        let edges =
            try Int.fetchOne(
                db,
                sql: """
                    WITH RECURSIVE below(id, type, low, high) AS (
                        SELECT resource_id, type, max(started, :start), min(coalesce(ended, :now), :end)
                        FROM lifespan_edge WHERE parent_id = :client
                        UNION ALL
                        SELECT e.resource_id, e.type, max(e.started, b.low), min(coalesce(e.ended, :now), b.high)
                        FROM below b JOIN lifespan_edge e ON e.parent_id = b.id
                        WHERE b.type = 'client' AND b.low < b.high)
                    SELECT coalesce(sum(high - low), 0) FROM below WHERE type = :type AND low < high
                    """,
                arguments: ["start": start, "end": end, "now": now, "client": client, "type": type]) ?? 0
        return before + edges
    }
}
