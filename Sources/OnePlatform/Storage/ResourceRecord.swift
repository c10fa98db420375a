import GRDB
import OnePJSON
import Synchronization

/// One row of the resource tree: a client, dataport, datarule or dispatch.
struct ResourceRecord: Sendable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "resource"

    var id: Int64?
    var rid: String
    var parentID: Int64?
    var type: ResourceType
    /// The storage format of a resource that keeps time series; nil for clients.
    var format: DataFormat?
    /// The normalized description, parsed from its stored text the first time it is asked for:
    /// most lookups need only a resource's place in the tree, and a parse costs more than a row.
    var description: JSONObject {
        get { descriptionStorage.object }
        set { descriptionStorage = StoredDescription(newValue) }
    }
    private var descriptionStorage: StoredDescription
    /// The CIK of a client; nil for other types.
    var cik: String?
    var status: ResourceStatus
    var subscribeID: Int64?
    var created: Int
    var modified: Int

    enum Columns {
        static let id = Column("id")
        static let rid = Column("rid")
        static let parentID = Column("parent_id")
        static let type = Column("type")
        static let format = Column("format")
        static let description = Column("description")
        static let cik = Column("cik")
        static let status = Column("status")
        static let subscribeID = Column("subscribe_id")
        static let created = Column("created")
        static let modified = Column("modified")
    }

    init(
        id: Int64?, rid: String, parentID: Int64?, type: ResourceType, format: DataFormat?, description: JSONObject,
        cik: String?, status: ResourceStatus, subscribeID: Int64?, created: Int, modified: Int
    ) {
        self.id = id
        self.rid = rid
        self.parentID = parentID
        self.type = type
        self.format = format
        self.descriptionStorage = StoredDescription(description)
        self.cik = cik
        self.status = status
        self.subscribeID = subscribeID
        self.created = created
        self.modified = modified
    }

    /// Decodes by column position, since every call resolves resources and positions skip the
    /// name lookups. The positions are those of the `resource` table; migrations only append.
    init(row: Row) {
        id = row[0]
        rid = row[1]
        parentID = row[2]
        type = ResourceType(rawValue: row[3]) ?? .dataport
        format = (row[4] as String?).flatMap(DataFormat.init(rawValue:))
        descriptionStorage = StoredDescription(text: Array((row[5] as String).utf8), id: row[0])
        cik = row[6]
        status = ResourceStatus(rawValue: row[7]) ?? .expired
        subscribeID = row[8]
        created = row[9]
        modified = row[10]
    }

    /// Decodes the columns of `SELECT *` by position, as ``init(row:)`` does, without a `Row`.
    init(columns: SQLiteColumns) {
        id = columns.int64(0)
        rid = columns.string(1)
        parentID = columns.optionalInt64(2)
        type = columns.resourceType(3) ?? .dataport
        format = columns.optionalString(4).flatMap(DataFormat.init(rawValue:))
        descriptionStorage = StoredDescription(text: columns.withText(5) { Array($0) }, id: columns.int64(0))
        cik = columns.optionalString(6)
        status = ResourceStatus(rawValue: columns.string(7)) ?? .expired
        subscribeID = columns.optionalInt64(8)
        created = columns.int(9)
        modified = columns.int(10)
    }

    func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.rid] = rid
        container[Columns.parentID] = parentID
        container[Columns.type] = type.rawValue
        container[Columns.format] = format?.rawValue
        container[Columns.description] = descriptionStorage.text
        container[Columns.cik] = cik
        container[Columns.status] = status.rawValue
        container[Columns.subscribeID] = subscribeID
        container[Columns.created] = created
        container[Columns.modified] = modified
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The row id; every fetched or inserted record has one.
    var key: Int64 { id ?? -1 }

    var isLocked: Bool {
        guard type == .client || type == .dispatch else { return false }
        return description["locked"]?.boolValue == true
    }
}

// MARK: - Queries

extension ResourceRecord {
    static func fetch(_ db: Database, id: Int64) throws -> ResourceRecord? {
        try db.first("SELECT * FROM resource WHERE id = ?", [id], decode: ResourceRecord.init(columns:))
    }

    static func fetch(_ db: Database, rid: String) throws -> ResourceRecord? {
        try db.first("SELECT * FROM resource WHERE rid = ?", [rid], decode: ResourceRecord.init(columns:))
    }

    static func fetch(_ db: Database, cik: String) throws -> ResourceRecord? {
        try db.first("SELECT * FROM resource WHERE cik = ?", [cik], decode: ResourceRecord.init(columns:))
    }

    /// Inserts the record as GRDB's `insert` does, through a cached statement bound straight
    /// through SQLite (see ``DirectStatement``): a batch of creates inserts thousands of rows.
    mutating func insertDirectly(_ db: Database) throws {
        let statement = try DirectStatement(
            db,
            sql: """
                INSERT INTO resource (rid, parent_id, type, format, description, cik, status, subscribe_id, created, modified)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        statement.bind(1, rid)
        statement.bind(2, parentID)
        statement.bind(3, type.rawValue)
        statement.bind(4, format?.rawValue)
        statement.bind(5, descriptionStorage.text)
        statement.bind(6, cik)
        statement.bind(7, status.rawValue)
        statement.bind(8, subscribeID)
        statement.bind(9, created)
        statement.bind(10, modified)
        try statement.execute()
        id = db.lastInsertedRowID
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
            parent = try Int64.fetchOne(db.cachedStatement(sql: "SELECT parent_id FROM resource WHERE id = ?"), arguments: [next])
        }
        return false
    }
}

/// A resource's description as stored, parsed at most once, when first read.
final class StoredDescription: Sendable {
    private enum State {
        case text([UInt8], id: Int64)
        case parsed(JSONObject)
    }

    // Guards the state; a record may be read from any thread that holds it.
    private let state: Mutex<State>

    init(_ object: JSONObject) {
        state = Mutex(.parsed(object))
    }

    /// The stored text of the description of the resource with row id `id`.
    init(text: [UInt8], id: Int64) {
        state = Mutex(.text(text, id: id))
    }

    var object: JSONObject {
        state.withLock { state in
            switch state {
            case .parsed(let object):
                return object
            case .text(let text, let id):
                let object = DescriptionCache.object(id: id, text: text)
                state = .parsed(object)
                return object
            }
        }
    }

    /// The text to store: as it was read when it was never parsed, else written anew.
    var text: String {
        state.withLock { state in
            switch state {
            case .parsed(let object): return JSON.object(object).serialized()
            case .text(let text, _): return String(decoding: text, as: UTF8.self)
            }
        }
    }
}
