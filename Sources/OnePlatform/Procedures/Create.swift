import GRDB
import OnePJSON

/// `create`: a new client, dataport, datarule or dispatch under a client.
///
/// Takes `[parent, type, description]` or the older `[type, description]` (parent = caller);
/// the description may be left out when every key has a default.
enum CreateProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let parent: ResourceRecord
        let typeIndex: Int
        // The older form starts with the type word; the documented one with the parent.
        if let first = arguments[0]?.stringValue, ResourceType(rawValue: first) != nil || first == "clone" {
            parent = context.caller
            typeIndex = 0
        } else {
            parent = try context.creationParent(try arguments.required(0, "parent"))
            typeIndex = 1
        }
        let typeName = try arguments.string(typeIndex, "type")
        if typeName == "clone" { return try CloneProcedure.run(context, parent: parent, options: try arguments.options(typeIndex + 1)) }
        guard let type = ResourceType(rawValue: typeName) else { throw CallFailure.invalid }
        let input = try arguments.options(typeIndex + 1)
        let record = try create(type, description: input, under: parent, in: context)
        return .string(record.rid)
    }

    static func create(
        _ type: ResourceType, description input: JSONObject, under parent: ResourceRecord, in context: CallContext
    ) throws -> ResourceRecord {
        let normalizer = DescriptionNormalizer(type: type) { identifier in
            try Subscription.target(identifier, relativeTo: parent, in: context).rid
        }
        let description = try normalizer.creating(from: input)
        try LimitLedger(db: context.db, records: context.ancestry).admit(type, description: description, under: parent)
        var record = ResourceRecord(
            id: nil, rid: Identifiers.random(), parentID: parent.key, type: type,
            format: Self.format(of: type, description), description: description,
            cik: type == .client ? Identifiers.random() : nil, status: .activated,
            subscribeID: try subscriptionID(description, in: context), created: context.now, modified: context.now)
        try record.insertDirectly(context.db)
        try ResourceStart.begin(record, in: context.db, now: context.now, changes: context.changes)
        return record
    }

    /// The storage format: as described for dataports and datarules; dispatches keep text.
    static func format(of type: ResourceType, _ description: JSONObject) -> DataFormat? {
        switch type {
        case .client: return nil
        case .dispatch: return .string
        case .dataport, .datarule: return description["format"]?.stringValue.flatMap(DataFormat.init(rawValue:))
        }
    }

    /// The row id of the resource a normalized description subscribes to.
    static func subscriptionID(_ description: JSONObject, in context: CallContext) throws -> Int64? {
        guard let rid = description["subscribe"]?.stringValue else { return nil }
        return try ResourceRecord.fetch(context.db, rid: rid)?.id
    }
}
