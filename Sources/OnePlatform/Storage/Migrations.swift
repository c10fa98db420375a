import GRDB

/// The platform schema, one registered migration per shipped change.
///
/// Migrations name tables and columns literally and are never edited once shipped: later issues
/// add new migrations after these.
enum Migrations {
    /// - Parameter now: the platform clock's time, for migrations that cut history at the moment they run.
    static func migrator(now: Int) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        #if DEBUG
            migrator.eraseDatabaseOnSchemaChange = true
        #endif
        migrator.registerMigration("v1-resources-aliases-points") { db in
            try db.create(table: "resource") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("rid", .text).notNull().unique()
                t.column("parent_id", .integer).references("resource", onDelete: .cascade).indexed()
                t.column("type", .text).notNull()
                t.column("format", .text)
                t.column("description", .text).notNull()
                t.column("cik", .text).unique()
                t.column("status", .text).notNull()
                t.column("subscribe_id", .integer).references("resource", onDelete: .setNull).indexed()
                t.column("created", .integer).notNull()
                t.column("modified", .integer).notNull()
            }
            try db.create(table: "alias") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("resource", onDelete: .cascade)
                t.column("alias", .text).notNull()
                t.column("target_id", .integer).notNull().references("resource", onDelete: .cascade).indexed()
                t.uniqueKey(["client_id", "alias"])
            }
            // No type on value: SQLite keeps integers, floats and text exactly as written.
            try db.execute(
                sql: """
                    CREATE TABLE point (
                        resource_id INTEGER NOT NULL REFERENCES resource(id) ON DELETE CASCADE,
                        timestamp INTEGER NOT NULL,
                        value NOT NULL,
                        PRIMARY KEY (resource_id, timestamp)
                    ) WITHOUT ROWID
                    """)
            try db.create(table: "vendor") { t in
                t.primaryKey("name", .text)
                t.column("token", .text).notNull().unique()
                t.column("created", .integer).notNull()
            }
            try db.create(table: "bootstrap") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("root_id", .integer).notNull().references("resource")
                t.column("vendor_name", .text).notNull().references("vendor")
            }
        }
        migrator.registerMigration(MigrationDepth.identifier, migrate: MigrationDepth.migrate)
        ProvisionMigration.register(in: &migrator)
        PipelineMigration.register(in: &migrator)
        ScriptMigration.register(in: &migrator)
        ChangeLogMigration.register(in: &migrator)
        ScriptStartsMigration.register(in: &migrator)
        PointReferenceMigration.register(in: &migrator)
        LifespanEdgeMigration.register(in: &migrator, now: now)
        return migrator
    }
}
