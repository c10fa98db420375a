import GRDB

/// The state datarules keep between inputs: their pending timer and their counters.
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
    }
}
