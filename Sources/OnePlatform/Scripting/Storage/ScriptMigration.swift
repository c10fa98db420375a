import GRDB

/// Where a script's status lives between runs and across processes: `script_state`.
///
/// Registered after the pipeline migrations; never edited once shipped.
enum ScriptMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-script-state") { db in
            try db.create(table: "script_state") { t in
                t.primaryKey("resource_id", .integer).references("resource", onDelete: .cascade)
                t.column("status", .text).notNull()
                // The error that stopped the script, as its log says it.
                t.column("error", .text)
                // [[timestamp, [status, ...]], ...], newest first.
                t.column("activity", .text).notNull().defaults(to: "[]")
            }
            // Scripts stored before scripts ran start as running.
            try db.execute(
                sql: """
                    INSERT INTO script_state (resource_id, status, activity)
                    SELECT id, 'running', '[]' FROM resource
                    WHERE type = 'datarule' AND json_type(description, '$.rule.script') = 'text'
                    """)
        }
    }
}
