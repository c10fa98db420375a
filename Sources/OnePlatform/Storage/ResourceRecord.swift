import GRDB
import OnePJSON

/// One row of the resource tree: a client, dataport, datarule or dispatch.
struct ResourceRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resource"

    var id: Int64?
    var rid: String
    var parentID: Int64?
    var type: ResourceType
    /// The storage format of a resource that keeps time series; nil for clients.
    var format: DataFormat?
    /// The normalized description as JSON text.
    var descriptionText: String
    /// The CIK of a client; nil for other types.
    var cik: String?
    var status: ResourceStatus
    var subscribeID: Int64?
    var created: Int
    var modified: Int

    enum CodingKeys: String, CodingKey {
        case id, rid, type, format, cik, status, created, modified
        case parentID = "parent_id"
        case descriptionText = "description"
        case subscribeID = "subscribe_id"
    }

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let rid = Column(CodingKeys.rid)
        static let parentID = Column(CodingKeys.parentID)
        static let type = Column(CodingKeys.type)
        static let cik = Column(CodingKeys.cik)
        static let subscribeID = Column(CodingKeys.subscribeID)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The row id; every fetched or inserted record has one.
    var key: Int64 { id ?? -1 }

    var description: JSONObject {
        get { (try? JSON(parsing: descriptionText))?.objectValue ?? JSONObject() }
        set { descriptionText = JSON.object(newValue).serialized() }
    }

    var isLocked: Bool {
        guard type == .client || type == .dispatch else { return false }
        return description["locked"]?.boolValue == true
    }
}

// MARK: - Queries

extension ResourceRecord {
    static func fetch(_ db: Database, id: Int64) throws -> ResourceRecord? {
        try ResourceRecord.fetchOne(db, key: id)
    }

    static func fetch(_ db: Database, rid: String) throws -> ResourceRecord? {
        try ResourceRecord.filter(Columns.rid == rid).fetchOne(db)
    }

    static func fetch(_ db: Database, cik: String) throws -> ResourceRecord? {
        try ResourceRecord.filter(Columns.cik == cik).fetchOne(db)
    }

    /// The children of a client, oldest first.
    static func children(_ db: Database, of parentID: Int64) throws -> [ResourceRecord] {
        try ResourceRecord.filter(Columns.parentID == parentID).order(Columns.id).fetchAll(db)
    }

    /// Whether `descendant` is `ancestor` itself or lies below it in the tree.
    static func isWithin(_ db: Database, _ descendant: ResourceRecord, of ancestor: ResourceRecord) throws -> Bool {
        var current: Int64? = descendant.key
        var parent = descendant.parentID
        while let id = current {
            if id == ancestor.key { return true }
            guard let next = parent else { return false }
            current = next
            parent = try Int64.fetchOne(db, sql: "SELECT parent_id FROM resource WHERE id = ?", arguments: [next])
        }
        return false
    }
}
