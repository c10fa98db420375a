import GRDB

/// Counts the starts of each script in `script_state`, so that an `update` giving a script the
/// source it already has still starts it again, in whichever process runs the scripts.
///
/// Registered after the change-log migration; never edited once shipped.
enum ScriptStartsMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-script-starts") { db in
            // One more with each create, clone or update that carries the script's rule.
            try db.execute(sql: "ALTER TABLE script_state ADD COLUMN starts INTEGER NOT NULL DEFAULT 1")
        }
    }
}
