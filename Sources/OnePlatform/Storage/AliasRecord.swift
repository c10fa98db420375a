import GRDB

/// A name a client gave to a resource, usable as `{"alias": name}` in that client's calls.
struct AliasRecord: Encodable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "alias"

    var id: Int64?
    var clientID: Int64
    var alias: String
    var targetID: Int64

    enum CodingKeys: String, CodingKey {
        case id, alias
        case clientID = "client_id"
        case targetID = "target_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let clientID = Column(CodingKeys.clientID)
        static let alias = Column(CodingKeys.alias)
        static let targetID = Column(CodingKeys.targetID)
    }

    init(id: Int64?, clientID: Int64, alias: String, targetID: Int64) {
        self.id = id
        self.clientID = clientID
        self.alias = alias
        self.targetID = targetID
    }

    /// Decodes by column position, in the order of the `alias` table.
    init(row: Row) {
        id = row[0]
        clientID = row[1]
        alias = row[2]
        targetID = row[3]
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension AliasRecord {
    static func fetch(_ db: Database, client: Int64, alias: String) throws -> AliasRecord? {
        try db.first("SELECT * FROM alias WHERE client_id = ? AND alias = ?", [client, alias]) { columns in
            AliasRecord(id: columns.int64(0), clientID: columns.int64(1), alias: columns.string(2), targetID: columns.int64(3))
        }
    }

    /// Every alias a client has made, in the order they were made.
    static func all(_ db: Database, client: Int64) throws -> [AliasRecord] {
        try AliasRecord.filter(Columns.clientID == client).order(Columns.id).fetchAll(db)
    }
}
