import GRDB

/// A vendor as a request sees it: its name and the client its models are created from.
struct Vendor: Sendable, Equatable {
    let name: String
    /// The client whose subtree the vendor's templates and device owners must lie in.
    let clientID: Int64
}

/// Vendors, the clients registered to them and their auth tokens.
///
/// The bootstrap vendor has no registration row: its client is the platform's root client.
enum VendorStore {
    static func vendor(_ db: Database, named name: String) throws -> Vendor? {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM vendor WHERE name = ?", arguments: [name]) == true else { return nil }
        let registered = try Int64.fetchOne(db, sql: "SELECT client_id FROM vendor_client WHERE vendor_name = ?", arguments: [name])
        let root = try Int64.fetchOne(db, sql: "SELECT root_id FROM bootstrap WHERE vendor_name = ?", arguments: [name])
        guard let clientID = registered ?? root else { return nil }
        return Vendor(name: name, clientID: clientID)
    }

    /// The vendor a token (the vendor's own or one made through `admin/auth`) stands for.
    static func vendor(_ db: Database, token: String) throws -> Vendor? {
        let name = try String.fetchOne(
            db,
            sql: "SELECT name FROM vendor WHERE token = ? UNION SELECT vendor_name FROM vendor_token WHERE token = ?",
            arguments: [token, token])
        return try name.flatMap { try vendor(db, named: $0) }
    }

    /// The vendor registered to a client, if any.
    static func vendor(_ db: Database, client: Int64) throws -> Vendor? {
        let name = try String.fetchOne(
            db,
            sql: "SELECT vendor_name FROM vendor_client WHERE client_id = ? UNION SELECT vendor_name FROM bootstrap WHERE root_id = ?",
            arguments: [client, client])
        return try name.flatMap { try vendor(db, named: $0) }
    }

    static func isBootstrapVendor(_ db: Database, _ name: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM bootstrap WHERE vendor_name = ?", arguments: [name]) == true
    }

    static func register(_ db: Database, name: String, client: Int64, now: Int) throws {
        try db.execute(
            sql: "INSERT INTO vendor (name, token, created) VALUES (?, ?, ?)", arguments: [name, Identifiers.random(), now])
        try db.execute(sql: "INSERT INTO vendor_client (vendor_name, client_id) VALUES (?, ?)", arguments: [name, client])
    }

    /// Removes a vendor and, through the schema's cascades, its tokens, models and their contents.
    static func unregister(_ db: Database, name: String) throws {
        try ContentStore.removeBlobs(db, vendor: name)
        try db.execute(sql: "DELETE FROM vendor WHERE name = ?", arguments: [name])
    }

    // MARK: Tokens

    static func tokenNames(_ db: Database, vendor: String) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM vendor_token WHERE vendor_name = ? ORDER BY id", arguments: [vendor])
    }

    static func token(_ db: Database, vendor: String, name: String) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT token FROM vendor_token WHERE vendor_name = ? AND name = ?", arguments: [vendor, name])
    }

    static func createToken(_ db: Database, vendor: String, name: String, now: Int) throws -> String {
        let token = Identifiers.random()
        try db.execute(
            sql: "INSERT INTO vendor_token (vendor_name, name, token, created) VALUES (?, ?, ?, ?)",
            arguments: [vendor, name, token, now])
        return token
    }

    /// - Returns: whether a token was removed.
    static func deleteToken(_ db: Database, vendor: String, name: String) throws -> Bool {
        try db.execute(sql: "DELETE FROM vendor_token WHERE vendor_name = ? AND name = ?", arguments: [vendor, name])
        return db.changesCount > 0
    }
}
