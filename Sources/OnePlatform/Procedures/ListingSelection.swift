import GRDB
import OnePJSON

/// Which resources a listing includes.
struct ListingSelection {
    /// What a listing needs of a resource: no description is read, so a listing costs its rows.
    struct Listed {
        let key: Int64
        let rid: String
        let type: ResourceType
    }

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

    /// The resources, oldest first, without duplicates.
    func resources(of client: ResourceRecord, in context: CallContext) throws -> [Listed] {
        let db = context.db
        var sources: [[Listed]] = []
        if owned {
            sources.append(try Self.fetch(db, "SELECT id, rid, type FROM resource WHERE parent_id = ? ORDER BY id", client.key))
        }
        if aliased {
            sources.append(
                try Self.fetch(
                    db, "SELECT r.id, r.rid, r.type FROM resource r JOIN alias a ON a.target_id = r.id WHERE a.client_id = ? ORDER BY a.id",
                    client.key))
        }
        if isPublic {
            sources.append(try Self.fetch(db, "SELECT id, rid, type FROM resource WHERE json_extract(description, '$.public') = 1 ORDER BY id"))
        }
        if activated {
            sources.append(
                try Self.fetch(
                    db, "SELECT r.id, r.rid, r.type FROM resource r JOIN share s ON s.resource_id = r.id WHERE s.activator_id = ? ORDER BY s.id",
                    client.key))
        }
        var found = sources.count == 1 ? sources[0] : []
        if sources.count > 1 {
            var seen = Set<Int64>()
            found = sources.joined().filter { seen.insert($0.key).inserted }
        }
        guard let tagged else { return found }
        let marks = tagged.map { _ in "?" }.joined(separator: ", ")
        let withTags = try Set(
            Int64.fetchAll(
                db, sql: "SELECT DISTINCT resource_id FROM tag WHERE tag IN (\(marks))",
                arguments: StatementArguments(tagged)))
        return found.filter { withTags.contains($0.key) }
    }

    private static func fetch(_ db: Database, _ sql: String, _ arguments: any DatabaseValueConvertible...) throws -> [Listed] {
        try db.all(sql, StatementArguments(arguments)) { columns in
            Listed(key: columns.int64(0), rid: columns.string(1), type: columns.resourceType(2) ?? .dataport)
        }
    }
}
