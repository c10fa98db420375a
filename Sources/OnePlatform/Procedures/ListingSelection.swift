import GRDB
import OnePJSON

/// Which resources a listing includes.
struct ListingSelection {
    var owned: Bool
    var aliased: Bool
    var isPublic: Bool
    var tagged: [String]?

    init(_ options: JSONObject) throws {
        owned = options["owned"]?.boolValue == true
        aliased = options["aliased"]?.boolValue == true
        isPublic = options["public"]?.boolValue == true
        let activated = options["activated"]?.boolValue == true
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
        // Shares (activated) and tags are later features: until they exist nothing matches them.
        if tagged != nil { return [] }
        var seen = Set<Int64>()
        return found.filter { seen.insert($0.key).inserted }
    }
}
