import GRDB

/// Shares, tokens, tags, comments, usage history and consumption: the tables behind sharing,
/// granting, annotating, limits and `usage`.
enum MigrationDepth {
    static let identifier = "v2-shares-tokens-tags-usage"

    static func migrate(_ db: Database) throws {
        try db.create(table: "share") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("code", .text).notNull().unique()
            t.column("resource_id", .integer).notNull().references("resource", onDelete: .cascade).indexed()
            t.column("creator_id", .integer).notNull().references("resource", onDelete: .cascade).indexed()
            t.column("meta", .text).notNull()
            t.column("activator_id", .integer).references("resource", onDelete: .setNull).indexed()
            t.column("created", .integer).notNull()
        }
        try db.create(table: "token") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("token", .text).notNull().unique()
            t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade).indexed()
            t.column("permissions", .text).notNull()
            // NULL when the grant set no ttl.
            t.column("expires", .integer)
            t.column("created", .integer).notNull()
        }
        try db.create(table: "tag") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("resource_id", .integer).notNull().references("resource", onDelete: .cascade)
            t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade).indexed()
            t.column("tag", .text).notNull().indexed()
            t.uniqueKey(["resource_id", "client_id", "tag"])
        }
        try db.create(table: "comment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("resource_id", .integer).notNull().references("resource", onDelete: .cascade)
            t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade)
            t.column("visibility", .text).notNull()
            t.column("text", .text).notNull()
            t.uniqueKey(["resource_id", "client_id", "visibility"])
        }
        // One row per resource and ancestor for as long as the resource lies below that ancestor.
        // resource_id has no reference: the history outlives the resource, which usage needs.
        try db.create(table: "lifespan") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("resource_id", .integer).notNull().indexed()
            t.column("ancestor_id", .integer).notNull().references("resource", onDelete: .cascade)
            t.column("type", .text).notNull()
            t.column("started", .integer).notNull()
            t.column("ended", .integer)
        }
        try db.create(index: "lifespan_on_ancestor", on: "lifespan", columns: ["ancestor_id", "type"])
        try db.create(table: "consumption") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade)
            t.column("metric", .text).notNull()
            t.column("timestamp", .integer).notNull()
            t.column("amount", .integer).notNull()
        }
        try db.create(index: "consumption_on_client", on: "consumption", columns: ["client_id", "metric", "timestamp"])
        // Every way a resource is made (create, clone, provisioning) inserts a row, so the
        // history starts here rather than in each of them; `created` is the platform clock's time.
        try db.execute(
            sql: """
                CREATE TRIGGER lifespan_on_insert AFTER INSERT ON resource WHEN NEW.parent_id IS NOT NULL
                BEGIN
                    INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                        SELECT NEW.id, ancestor_id, NEW.type, NEW.created FROM lifespan
                        WHERE resource_id = NEW.parent_id AND ended IS NULL;
                    INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                        VALUES (NEW.id, NEW.parent_id, NEW.type, NEW.created);
                END
                """)
        // Resources made before this migration start their history at their creation.
        try db.execute(
            sql: """
                INSERT INTO lifespan (resource_id, ancestor_id, type, started)
                WITH RECURSIVE chain(resource_id, ancestor_id, type, started) AS (
                    SELECT id, parent_id, type, created FROM resource WHERE parent_id IS NOT NULL
                    UNION ALL
                    SELECT c.resource_id, r.parent_id, c.type, c.started FROM chain c
                    JOIN resource r ON r.id = c.ancestor_id WHERE r.parent_id IS NOT NULL)
                SELECT resource_id, ancestor_id, type, started FROM chain
                """)
    }
}
