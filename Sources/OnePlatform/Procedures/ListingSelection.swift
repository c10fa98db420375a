import GRDB
import OnePJSON

/// Which resources a listing includes.
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

    /// The resources, oldest first, without duplicates.
    func resources(of client: ResourceRecord, in context: CallContext) throws -> [ResourceRecord] {
        var found: [ResourceRecord] = []
        if owned { found += try ResourceRecord.children(context.db, of: client.key) }
        if aliased {
            found += try ResourceRecord.fetchAll(
                context.db,
                sql: "SELECT r.* FROM resource r JOIN alias a ON a.target_id = r.id WHERE a.client_id = ? ORDER BY a.id",
                arguments: [client.key])
        }
        if isPublic {
            found += try ResourceRecord.fetchAll(
                context.db, sql: "SELECT * FROM resource WHERE json_extract(description, '$.public') = 1 ORDER BY id")
        }
        if activated {
            found += try ResourceRecord.fetchAll(
                context.db,
                sql: "SELECT r.* FROM resource r JOIN share s ON s.resource_id = r.id WHERE s.activator_id = ? ORDER BY s.id",
                arguments: [client.key])
        }
        var seen = Set<Int64>()
        found = found.filter { seen.insert($0.key).inserted }
        guard let tagged else { return found }
        // One JSON list bound once: a placeholder per tag would run past SQLite's limit on variables.
        let list = JSON.array(tagged.map(JSON.string)).serialized()
        let withTags = try Set(
            Int64.fetchAll(
                context.db, sql: "SELECT DISTINCT resource_id FROM tag WHERE tag IN (SELECT value FROM json_each(?))", arguments: [list]))
        return found.filter { withTags.contains($0.key) }
    }
}
