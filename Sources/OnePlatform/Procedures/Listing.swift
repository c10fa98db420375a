import GRDB
import OnePJSON

/// `listing`: the RIDs of a client's resources, by type.
///
/// Forms: `[client, types, options]` and `[types, options]` answer an object keyed by type;
/// `[client, types]` and `[types]` (no options) answer a list of lists in the order of `types`.
///
/// A listing can name thousands of resources, so the RPC engine has it write its RIDs as text
/// straight into the answer (``write(_:_:into:)``); ``run(_:_:)`` builds the same answer as a value.
enum ListingProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        let request = try ListingRequest(context, arguments)
        var byType: [ResourceType: [JSON]] = [:]
        try request.selection.forEach(of: request.client, in: context) { type, columns in
            byType[type, default: []].append(.string(columns.string(1)))
        }
        let lists = request.types.map { JSON.array(byType[$0] ?? []) }
        guard request.keyedByType else { return .array(lists) }
        var result = JSONObject()
        for (type, list) in zip(request.types, lists) { result[type.rawValue] = list }
        return .object(result)
    }

    static func write(_ context: CallContext, _ arguments: Arguments, into output: inout [UInt8]) throws {
        let request = try ListingRequest(context, arguments)
        // Each type's RIDs as the inside of a JSON list: "rid","rid",...
        var byType = Array(repeating: [UInt8](), count: ResourceType.allCases.count)
        try request.selection.forEach(of: request.client, in: context) { type, columns in
            columns.withText(1) { rid in Self.append(rid, to: &byType[type.ordinal]) }
        }
        output.append(request.keyedByType ? UInt8(ascii: "{") : UInt8(ascii: "["))
        var written = Set<ResourceType>()
        for type in request.types {
            // An object names each type once, as the value form does.
            if request.keyedByType {
                guard written.insert(type).inserted else { continue }
            }
            if output.last != UInt8(ascii: "{") && output.last != UInt8(ascii: "[") { output.append(UInt8(ascii: ",")) }
            if request.keyedByType {
                JSON.string(type.rawValue).write(into: &output)
                output.append(UInt8(ascii: ":"))
            }
            output.append(UInt8(ascii: "["))
            output.append(contentsOf: byType[type.ordinal])
            output.append(UInt8(ascii: "]"))
        }
        output.append(request.keyedByType ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Appends a RID as a JSON string to a list's inside.
    private static func append(_ rid: UnsafeBufferPointer<UInt8>, to list: inout [UInt8]) {
        if !list.isEmpty { list.append(UInt8(ascii: ",")) }
        guard rid.allSatisfy(isPlain) else {
            JSON.string(String(decoding: rid, as: UTF8.self)).write(into: &list)
            return
        }
        list.append(UInt8(ascii: "\""))
        list.append(contentsOf: rid)
        list.append(UInt8(ascii: "\""))
    }

    /// RIDs are hex digits; anything else goes through the JSON writer's escaping.
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
}

/// A listing call's arguments: whose resources, of which types, chosen how.
private struct ListingRequest {
    let client: ResourceRecord
    let types: [ResourceType]
    let selection: ListingSelection
    /// Whether the answer is an object keyed by type (options given) or a list of lists.
    let keyedByType: Bool

    init(_ context: CallContext, _ arguments: Arguments) throws {
        try arguments.expectAtMost(3)
        let typesIndex: Int
        if arguments[0]?.arrayValue != nil {
            client = context.caller
            typesIndex = 0
        } else {
            client = try context.resource(try arguments.required(0, "client"))
            typesIndex = 1
        }
        var types: [ResourceType] = []
        for name in try arguments.list(typesIndex, "types") {
            guard let text = name.stringValue, let type = ResourceType(rawValue: text) else {
                throw CallFailure.status(.error, result: .string("invalid resource type \(name.serialized())"))
            }
            types.append(type)
        }
        self.types = types
        // Counted, not compared with nil: JSON itself accepts the nil literal.
        keyedByType = arguments.count > typesIndex + 1
        selection = try ListingSelection(try arguments.options(typesIndex + 1))
    }
}
