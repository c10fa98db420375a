import GRDB

/// The `change_log` table, through which processes sharing one data directory learn of each
/// other's commits (see ``ChangeLog``).
///
/// Points are logged by the process that stores them, in the same transaction; timers and
/// scripts by triggers, so every path that changes `rule_state` or `script_state` is covered.
/// The triggers log only where `onep_origin()` answers (a connection of a platform opened on a
/// directory), so a platform kept in memory logs nothing.
///
/// Registered after the script migrations; never edited once shipped.
enum ChangeLogMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-change-log") { db in
            // seq is the rowid: one more than the largest, so committed rows are numbered without gaps
            // and the pruning of old rows shows as a gap to a reader that fell behind.
            try db.execute(
                sql: """
                    CREATE TABLE change_log (
                        seq INTEGER PRIMARY KEY,
                        kind INTEGER NOT NULL,
                        key INTEGER NOT NULL,
                        origin INTEGER NOT NULL
                    )
                    """)
            // A timer set or moved; cleared timers need no word (the scheduler finds nothing due).
            // INSERT OR REPLACE is how rule_state is written: before the insert the old due is still there.
            try db.execute(
                sql: """
                    CREATE TRIGGER change_log_timer_insert BEFORE INSERT ON rule_state
                    WHEN NEW.due IS NOT NULL AND onep_origin() IS NOT NULL
                        AND NEW.due IS NOT (SELECT due FROM rule_state WHERE resource_id = NEW.resource_id)
                    BEGIN
                        INSERT INTO change_log (kind, key, origin) VALUES (1, NEW.resource_id, onep_origin());
                    END
                    """)
            try db.execute(
                sql: """
                    CREATE TRIGGER change_log_timer_update AFTER UPDATE OF due ON rule_state
                    WHEN NEW.due IS NOT NULL AND NEW.due IS NOT OLD.due AND onep_origin() IS NOT NULL
                    BEGIN
                        INSERT INTO change_log (kind, key, origin) VALUES (1, NEW.resource_id, onep_origin());
                    END
                    """)
            // A script started, restarted, changed status or went (its datarule dropped or given another rule).
            for (event, row) in [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER change_log_script_\(event.lowercased()) AFTER \(event) ON script_state
                        WHEN onep_origin() IS NOT NULL
                        BEGIN
                            INSERT INTO change_log (kind, key, origin) VALUES (2, \(row).resource_id, onep_origin());
                        END
                        """)
            }
        }
    }
}
