import GRDB
import OnePJSON

/// `listing`: the RIDs of a client's resources, by type.
///
/// Forms: `[client, types, options]` and `[types, options]` answer an object keyed by type;
/// `[client, types]` and `[types]` (no options) answer a list of lists in the order of `types`.
enum ListingProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let client: ResourceRecord
        let typesIndex: Int
        if arguments[0]?.arrayValue != nil {
            client = context.caller
            typesIndex = 0
        } else {
            client = try context.resource(try arguments.required(0, "client"))
            typesIndex = 1
        }
        let typeNames = try arguments.list(typesIndex, "types")
        var types: [ResourceType] = []
        for name in typeNames {
            guard let text = name.stringValue, let type = ResourceType(rawValue: text) else {
                throw CallFailure.status(.error, result: .string("invalid resource type \(name.serialized())"))
            }
            types.append(type)
        }
        // Counted, not compared with nil: JSON itself accepts the nil literal.
        let optionsGiven = arguments.count > typesIndex + 1
        let options = try arguments.options(typesIndex + 1)
        let selection = try ListingSelection(options)
        let found = try selection.resources(of: client, in: context)
        let lists = types.map { type in
            JSON.array(found.filter { $0.type == type }.map { .string($0.rid) })
        }
        if !optionsGiven { return .array(lists) }
        var result = JSONObject()
        for (type, list) in zip(types, lists) { result[type.rawValue] = list }
        return .object(result)
    }
}

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
        let marks = tagged.map { _ in "?" }.joined(separator: ", ")
        let withTags = try Set(
            Int64.fetchAll(
                context.db, sql: "SELECT DISTINCT resource_id FROM tag WHERE tag IN (\(marks))",
                arguments: StatementArguments(tagged)))
        return found.filter { withTags.contains($0.key) }
    }
}
