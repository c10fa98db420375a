import GRDB

/// The tree as far as one request has seen it: the parent of every resource it has asked about.
///
/// Whether a resource lies below the caller, or below a resource a token was granted, is decided
/// for every call; with the links remembered that is a walk in memory once the first call of the
/// request has loaded them, instead of a query per level per call.
///
/// Only `move` changes a parent while a request runs, and it calls ``forget()``. A dropped
/// resource keeps its links here, harmlessly: nothing can name it any more, and row ids are never
/// used again.
final class Ancestry {
    /// The parent of each resource met; `Self.none` for a resource without one (the root).
    private var parents: [Int64: Int64] = [:]
    /// The row ids of the granted resources a token's calls are checked against.
    private var rowIDs: [String: Int64] = [:]
    private static let none: Int64 = -1

    init() {}

    /// Whether `resource` is the resource with row id `ancestor` or lies below it.
    func isWithin(_ resource: ResourceRecord, of ancestor: Int64, in db: Database) throws -> Bool {
        if resource.key == ancestor { return true }
        var next = resource.parentID
        while let id = next {
            if id == ancestor { return true }
            next = try parent(of: id, in: db)
        }
        return false
    }

    /// The row id of the resource with this RID, or nil when there is none.
    func rowID(of rid: String, in db: Database) throws -> Int64? {
        if let known = rowIDs[rid] { return known == Self.none ? nil : known }
        let found = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM resource WHERE rid = ?"), arguments: [rid])
        rowIDs[rid] = found ?? Self.none
        return found
    }

    /// How many parent links are remembered.
    var linkCount: Int { parents.count }

    /// Drops every remembered link: a parent changed.
    func forget() {
        parents.removeAll(keepingCapacity: true)
        forgetRecords()
    }

    /// Clients read whole by consecutive `create` calls (their parents and the owners whose limits
    /// they draw on), by row id and by RID. A create changes no existing row, so these stay true
    /// for as long as only creates run; the engine forgets them before any other changing call.
    private var records: [Int64: ResourceRecord] = [:]
    private var recordIDs: [String: Int64] = [:]

    /// The resource with this row id, read once per run of creates.
    func record(id: Int64, in db: Database) throws -> ResourceRecord? {
        if let known = records[id] { return known }
        guard let found = try ResourceRecord.fetch(db, id: id) else { return nil }
        remember(found)
        return found
    }

    /// The resource with this RID, read once per run of creates.
    func record(rid: String, in db: Database) throws -> ResourceRecord? {
        if let id = recordIDs[rid], let known = records[id] { return known }
        guard let found = try ResourceRecord.fetch(db, rid: rid) else { return nil }
        remember(found)
        return found
    }

    private func remember(_ record: ResourceRecord) {
        records[record.key] = record
        recordIDs[record.rid] = record.key
    }

    /// Drops the records read whole: something other than a create may change them.
    func forgetRecords() {
        guard !records.isEmpty else { return }
        records.removeAll(keepingCapacity: true)
        recordIDs.removeAll(keepingCapacity: true)
    }

    private func parent(of id: Int64, in db: Database) throws -> Int64? {
        if let known = parents[id] { return known == Self.none ? nil : known }
        try loadChain(above: id, in: db)
        return parents[id].flatMap { $0 == Self.none ? nil : $0 }
    }

    /// Loads the links from `id` up to the root in one query.
    private func loadChain(above id: Int64, in db: Database) throws {
        let chain = try db.all(
            """
            WITH RECURSIVE up(id, parent_id) AS (
                SELECT id, parent_id FROM resource WHERE id = ?
                UNION ALL SELECT r.id, r.parent_id FROM resource r JOIN up ON r.id = up.parent_id)
            SELECT id, parent_id FROM up
            """, [id]
        ) { (id: $0.int64(0), parent: $0.optionalInt64(1)) }
        for link in chain { parents[link.id] = link.parent ?? Self.none }
        if chain.isEmpty { parents[id] = Self.none }
    }
}
