import GRDB

/// A share code for one resource, and the client that activated it, if any.
struct ShareRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "share"

    var id: Int64?
    var code: String
    var resourceID: Int64
    /// The client that made the share; its share limit counts it.
    var creatorID: Int64
    var meta: String
    var activatorID: Int64?
    var created: Int

    enum CodingKeys: String, CodingKey {
        case id, code, meta, created
        case resourceID = "resource_id"
        case creatorID = "creator_id"
        case activatorID = "activator_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let code = Column(CodingKeys.code)
        static let resourceID = Column(CodingKeys.resourceID)
        static let creatorID = Column(CodingKeys.creatorID)
        static let activatorID = Column(CodingKeys.activatorID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension ShareRecord {
    static func fetch(_ db: Database, code: String) throws -> ShareRecord? {
        try ShareRecord.filter(Columns.code == code.lowercased()).fetchOne(db)
    }

    /// The shares of a resource, oldest first.
    static func all(_ db: Database, resource: Int64) throws -> [ShareRecord] {
        try ShareRecord.filter(Columns.resourceID == resource).order(Columns.id).fetchAll(db)
    }

    /// The share of `resource` that `activator` holds, if any.
    static func held(_ db: Database, resource: Int64, by activator: Int64) throws -> ShareRecord? {
        try ShareRecord.filter(Columns.resourceID == resource && Columns.activatorID == activator).fetchOne(db)
    }

    /// Whether `activator` holds a share of `resource` or of a client above it.
    static func reaches(_ db: Database, _ resource: ResourceRecord, activator: Int64) throws -> Bool {
        let count = try Int.fetchOne(
            db,
            sql: """
                WITH RECURSIVE above(id, parent_id) AS (
                    SELECT id, parent_id FROM resource WHERE id = ?
                    UNION ALL SELECT r.id, r.parent_id FROM resource r JOIN above a ON r.id = a.parent_id)
                SELECT count(*) FROM share s JOIN above a ON s.resource_id = a.id WHERE s.activator_id = ?
                """,
            arguments: [resource.key, activator])
        return (count ?? 0) > 0
    }
}
