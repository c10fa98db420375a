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
        var byType: [ResourceType: [JSON]] = [:]
        for resource in try selection.resources(of: client, in: context) {
            byType[resource.type, default: []].append(.string(resource.rid))
        }
        let lists = types.map { JSON.array(byType[$0] ?? []) }
        if !optionsGiven { return .array(lists) }
        var result = JSONObject()
        for (type, list) in zip(types, lists) { result[type.rawValue] = list }
        return .object(result)
    }
}
