import GRDB
import OnePJSON

/// Which resources a listing includes. A listing reads key, RID and type, never a description.
struct ListingSelection {
    var owned: Bool
    var aliased: Bool
    var isPublic: Bool
    var activated: Bool
    var tagged: [String]?

    init(_ options: JSONObject) throws {
        owned = options["owned"]?.boolValue == true
        aliased = options["aliased"]?.boolValue == true
        isPublic = options["public"]?.boolValue == true
        activated = options["activated"]?.boolValue == true
        if let tags = options["tagged"] {
            guard let list = tags.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw CallFailure.arguments("tagged must be a list of strings")
            }
            tagged = list.compactMap(\.stringValue)
        }
        if !owned && !aliased && !isPublic && !activated { owned = true }
    }

    /// Calls `body` with the type and the row (key, RID, type) of each resource, oldest first,
    /// each once; the row is valid only during the call.
    func forEach(of client: ResourceRecord, in context: CallContext, _ body: (ResourceType, SQLiteColumns) throws -> Void) throws {
        let db = context.db
        var queries: [(sql: String, arguments: StatementArguments)] = []
        if owned { queries.append(("SELECT id, rid, type FROM resource WHERE parent_id = ? ORDER BY id", [client.key])) }
        if aliased {
            queries.append(
                ("SELECT r.id, r.rid, r.type FROM resource r JOIN alias a ON a.target_id = r.id WHERE a.client_id = ? ORDER BY a.id", [client.key]))
        }
        if isPublic { queries.append(("SELECT id, rid, type FROM resource WHERE json_extract(description, '$.public') = 1 ORDER BY id", [])) }
        if activated {
            queries.append(
                (
                    "SELECT r.id, r.rid, r.type FROM resource r JOIN share s ON s.resource_id = r.id WHERE s.activator_id = ? ORDER BY s.id",
                    [client.key]
                ))
        }
        var withTags: Set<Int64>?
        if let tagged {
            // One JSON list bound once: a placeholder per tag would run past SQLite's limit on variables.
            let list = JSON.array(tagged.map(JSON.string)).serialized()
            withTags = try Set(
                Int64.fetchAll(db, sql: "SELECT DISTINCT resource_id FROM tag WHERE tag IN (SELECT value FROM json_each(?))", arguments: [list]))
        }
        // Only several sources can name a resource twice.
        var seen: Set<Int64>? = queries.count > 1 ? [] : nil
        for query in queries {
            let rows = ColumnCursor(try db.cachedStatement(sql: query.sql), arguments: query.arguments) { $0 }
            while let row = try rows.next() {
                let key = row.int64(0)
                if let withTags, !withTags.contains(key) { continue }
                if seen?.insert(key).inserted == false { continue }
                guard let type = row.resourceType(2) else { continue }
                try body(type, row)
            }
        }
    }
}
