import GRDB

/// Keeps a resource's history as the edges to its owners (which client held it, from when to
/// when) instead of a row for every client above it.
///
/// The rows per ancestor made each create insert as many history rows as the resource lay deep,
/// each with two index entries and a reference check: more than half of what SQLite did for a
/// create. An edge is one row, and `usage` finds what lay below a client by walking the edges
/// down from it, narrowing each one's time to that of the edges above it.
///
/// The history written before this migration stays where it was, closed at the moment of the
/// migration (`now`); from then on the edges carry it, starting with one edge per resource that
/// exists. `usage` adds the two. Registered after the point-reference migration; never edited
/// once shipped.
enum LifespanEdgeMigration {
    static let identifier = "v9-lifespan-edges"

    static func register(in migrator: inout DatabaseMigrator, now: Int) {
        migrator.registerMigration(identifier) { db in
            // Keyed by owner first: `usage` walks down by owner, and a client's new resources
            // land side by side. A move or drop finds the open edge through the resource's owner.
            try db.execute(
                sql: """
                    CREATE TABLE lifespan_edge (
                        parent_id INTEGER NOT NULL,
                        resource_id INTEGER NOT NULL,
                        type TEXT NOT NULL,
                        started INTEGER NOT NULL,
                        ended INTEGER,
                        PRIMARY KEY (parent_id, resource_id, started)
                    ) WITHOUT ROWID
                    """)
            try db.execute(sql: "UPDATE lifespan SET ended = ? WHERE ended IS NULL", arguments: [now])
            try db.execute(
                sql: """
                    INSERT INTO lifespan_edge (parent_id, resource_id, type, started)
                    SELECT parent_id, id, type, ? FROM resource WHERE parent_id IS NOT NULL
                    """,
                arguments: [now])
            try db.execute(sql: "DROP TRIGGER lifespan_on_insert")
            // The old rows are only summed by owner from now on.
            try db.execute(sql: "DROP INDEX lifespan_on_resource_id")
            // Every way a resource is made (create, clone, provisioning) inserts a row.
            try db.execute(
                sql: """
                    CREATE TRIGGER lifespan_edge_on_insert AFTER INSERT ON resource WHEN NEW.parent_id IS NOT NULL
                    BEGIN
                        INSERT INTO lifespan_edge (parent_id, resource_id, type, started)
                            VALUES (NEW.parent_id, NEW.id, NEW.type, NEW.created);
                    END
                    """)
        }
    }
}
