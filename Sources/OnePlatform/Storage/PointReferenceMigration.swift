import GRDB

/// Takes the reference to `resource` off the point table, and lets a trigger remove a deleted
/// resource's points instead.
///
/// With foreign keys on, SQLite looked the resource up again for every point inserted: about 40%
/// of what an insert cost. Every point is stored by a call that has just found its resource in
/// the same transaction, and resource ids are never reused (the key is AUTOINCREMENT), so the
/// check caught nothing. What the `ON DELETE CASCADE` did, the trigger does: it also fires for
/// resources deleted by the cascade from their owner.
///
/// Registered after the script-starts migration; never edited once shipped.
enum PointReferenceMigration {
    static let identifier = "v8-point-without-reference"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(identifier) { db in
            try db.execute(sql: "ALTER TABLE point RENAME TO point_v1")
            // No type on value: SQLite keeps integers, floats and text exactly as written.
            try db.execute(
                sql: """
                    CREATE TABLE point (
                        resource_id INTEGER NOT NULL,
                        timestamp INTEGER NOT NULL,
                        value NOT NULL,
                        PRIMARY KEY (resource_id, timestamp)
                    ) WITHOUT ROWID
                    """)
            try db.execute(sql: "INSERT INTO point (resource_id, timestamp, value) SELECT resource_id, timestamp, value FROM point_v1")
            try db.execute(sql: "DROP TABLE point_v1")
            try db.execute(
                sql: """
                    CREATE TRIGGER point_on_resource_delete AFTER DELETE ON resource
                    BEGIN
                        DELETE FROM point WHERE resource_id = OLD.id;
                    END
                    """)
        }
    }
}
