import GRDB

/// The state datarules keep between inputs (their pending timer and their counters) and what
/// is left in clients' consumable buckets.
///
/// Registered after the depth and provisioning migrations; never edited once shipped.
enum PipelineMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-datarule-state") { db in
            try db.create(table: "rule_state") { t in
                t.primaryKey("resource_id", .integer).references("resource", onDelete: .cascade)
                // The second the rule's timer elapses; NULL while no timer runs.
                t.column("due", .integer)
                t.column("counter", .integer).notNull().defaults(to: 0)
                // Whether a duration rule has already turned true for the current run of inputs.
                t.column("active", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "rule_state_on_due", on: "rule_state", columns: ["due"])
        }
        migrator.registerMigration("v4-consumable-buckets") { db in
            try db.create(table: "consumable_bucket") { t in
                t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade)
                t.column("metric", .text).notNull()
                t.column("remaining", .integer).notNull()
                t.primaryKey(["client_id", "metric"])
            }
            // Clients given a bucket before buckets were kept start with it full.
            for metric in ConsumableBucket.metrics {
                try db.execute(
                    sql: """
                        INSERT INTO consumable_bucket (client_id, metric, remaining)
                        SELECT id, ?, json_extract(description, ?) FROM resource
                        WHERE type = 'client' AND json_type(description, ?) = 'integer'
                        """,
                    arguments: [metric, "$.limits.\(metric)_bucket", "$.limits.\(metric)_bucket"])
            }
        }
    }
}
