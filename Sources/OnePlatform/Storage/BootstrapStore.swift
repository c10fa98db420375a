import GRDB
import OnePJSON

/// Creates the root client and the first vendor on an empty database, and reads them back later.
enum BootstrapStore {
    static let vendorName = "onepvendor"

    static func loadOrCreate(_ db: Database, now: Int) throws -> PlatformBootstrap {
        if let existing = try load(db) { return existing }
        var root = ResourceRecord(
            id: nil, rid: Identifiers.random(), parentID: nil, type: .client, format: nil,
            description: DescriptionDefaults.rootClient, cik: Identifiers.random(), status: .activated, subscribeID: nil,
            created: now, modified: now)
        try root.insert(db)
        let token = Identifiers.random()
        try db.execute(
            sql: "INSERT INTO vendor (name, token, created) VALUES (?, ?, ?)",
            arguments: [vendorName, token, now])
        try db.execute(
            sql: "INSERT INTO bootstrap (id, root_id, vendor_name) VALUES (1, ?, ?)",
            arguments: [root.key, vendorName])
        return PlatformBootstrap(rootCIK: root.cik ?? "", rootRID: root.rid, vendorName: vendorName, vendorToken: token)
    }

    private static func load(_ db: Database) throws -> PlatformBootstrap? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT r.cik, r.rid, v.name, v.token FROM bootstrap b
                JOIN resource r ON r.id = b.root_id JOIN vendor v ON v.name = b.vendor_name
                WHERE b.id = 1
                """)
        guard let row else { return nil }
        return PlatformBootstrap(rootCIK: row[0], rootRID: row[1], vendorName: row[2], vendorToken: row[3])
    }
}
