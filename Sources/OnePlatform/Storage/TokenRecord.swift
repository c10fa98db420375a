import GRDB
import OnePJSON

/// A token from `grant`: acts as one client, only for the procedures granted on each resource.
struct TokenRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "token"

    var id: Int64?
    var token: String
    /// The client the token acts as.
    var clientID: Int64
    /// `{rid: [procedure, ...]}` as JSON text.
    var permissionsText: String
    /// The first second the token no longer works; nil for a token without a ttl.
    var expires: Int?
    var created: Int

    enum CodingKeys: String, CodingKey {
        case id, token, expires, created
        case clientID = "client_id"
        case permissionsText = "permissions"
    }

    enum Columns {
        static let token = Column(CodingKeys.token)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    static func fetch(_ db: Database, token: String) throws -> TokenRecord? {
        try TokenRecord.filter(Columns.token == token).fetchOne(db)
    }

    /// The procedures granted per RID.
    var permissions: [String: Set<String>] {
        guard let object = (try? JSON(parsing: permissionsText))?.objectValue else { return [:] }
        var result: [String: Set<String>] = [:]
        for (rid, procedures) in object {
            result[rid] = Set((procedures.arrayValue ?? []).compactMap(\.stringValue))
        }
        return result
    }
}
