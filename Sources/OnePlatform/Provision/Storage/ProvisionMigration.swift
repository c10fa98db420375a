import GRDB

/// The provisioning schema: vendors' registrations and tokens, models, serial numbers, content and
/// groups. Registered after the core migrations; never edited once shipped.
enum ProvisionMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-provisioning") { db in
            try createVendorTables(db)
            try createModelTables(db)
            try createContentTables(db)
            try createGroupTables(db)
        }
    }

    private static func createVendorTables(_ db: Database) throws {
        // The client whose CIK acts as a vendor; the bootstrap vendor uses the root client instead.
        try db.create(table: "vendor_client") { t in
            t.primaryKey("vendor_name", .text).references("vendor", onDelete: .cascade)
            t.column("client_id", .integer).notNull().unique().references("resource", onDelete: .cascade)
        }
        try db.create(table: "vendor_token") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("vendor_name", .text).notNull().references("vendor", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("token", .text).notNull().unique()
            t.column("created", .integer).notNull()
            t.uniqueKey(["vendor_name", "name"])
        }
    }

    private static func createModelTables(_ db: Database) throws {
        try db.create(table: "model") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("vendor_name", .text).notNull().references("vendor", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("template_rid", .text)
            t.column("template_code", .text)
            t.column("noaliases", .boolean).notNull()
            t.column("nocomments", .boolean).notNull()
            t.column("nohistorical", .boolean).notNull()
            t.column("created", .integer).notNull()
            t.uniqueKey(["vendor_name", "name"])
        }
        try db.create(table: "model_share") { t in
            t.column("model_id", .integer).notNull().references("model", onDelete: .cascade)
            t.column("vendor_name", .text).notNull().references("vendor", onDelete: .cascade)
            t.primaryKey(["model_id", "vendor_name"])
        }
        try db.create(table: "serial_range") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model_id", .integer).notNull().references("model", onDelete: .cascade).indexed()
            t.column("format", .text).notNull()
            t.column("length", .integer)
            t.column("casing", .text).notNull()
            t.column("first", .integer).notNull()
            t.column("last", .integer).notNull()
        }
        try db.create(table: "serial") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model_id", .integer).notNull().references("model", onDelete: .cascade)
            t.column("sn", .text).notNull()
            t.column("extra", .text).notNull()
            // Set while a client is bound; cleared when that client is dropped (the SN is then orphaned).
            t.column("client_id", .integer).references("resource", onDelete: .setNull).indexed()
            t.column("was_enabled", .boolean).notNull()
            t.column("enabled_by", .text)
            t.uniqueKey(["model_id", "sn"])
        }
        try db.create(table: "serial_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("serial_id", .integer).notNull().references("serial", onDelete: .cascade).indexed()
            t.column("timestamp", .integer).notNull()
            t.column("connection", .text).notNull()
            t.column("entry", .text).notNull()
        }
    }

    private static func createContentTables(_ db: Database) throws {
        try db.create(table: "content_blob") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("size", .integer).notNull()
        }
        try db.execute(
            sql: """
                CREATE TABLE content_chunk (
                    blob_id INTEGER NOT NULL REFERENCES content_blob(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (blob_id, seq)
                ) WITHOUT ROWID
                """)
        try db.create(table: "content") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model_id", .integer).notNull().references("model", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("meta", .text).notNull()
            t.column("protected", .boolean).notNull()
            t.column("content_type", .text).notNull()
            t.column("updated", .integer).notNull()
            t.column("blob_id", .integer).references("content_blob", onDelete: .setNull)
            t.uniqueKey(["model_id", "name"])
        }
    }

    private static func createGroupTables(_ db: Database) throws {
        try db.create(table: "sn_group") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model_id", .integer).notNull().references("model", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("meta", .text).notNull()
            t.uniqueKey(["model_id", "name"])
        }
        try db.create(table: "sn_group_member") { t in
            t.column("group_id", .integer).notNull().references("sn_group", onDelete: .cascade)
            t.column("type", .text).notNull()
            t.column("member", .text).notNull()
            t.column("expire", .integer).notNull()
            t.column("meta", .text).notNull()
            t.primaryKey(["group_id", "type", "member"])
        }
        try db.create(index: "sn_group_member_lookup", on: "sn_group_member", columns: ["type", "member"])
    }
}
