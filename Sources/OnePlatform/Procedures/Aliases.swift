import GRDB
import OnePJSON

/// `map`, `unmap` and `lookup`: the names a client gives to resources.
enum AliasProcedures {
    /// `["alias", resource, name]`: maps `name` in the caller's aliases.
    static func map(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        guard try arguments.string(0, "mapping type") == "alias" else {
            throw CallFailure.arguments("only alias mappings exist")
        }
        let target = try context.resource(try arguments.required(1, "resource"))
        let alias = try arguments.string(2, "alias")
        guard !alias.isEmpty else { throw CallFailure.invalid }
        guard try AliasRecord.fetch(context.db, client: context.caller.key, alias: alias) == nil else {
            throw CallFailure.status(.inuse)
        }
        var record = AliasRecord(id: nil, clientID: context.caller.key, alias: alias, targetID: target.key)
        try record.insert(context.db)
        return nil
    }

    /// `[client, "alias", name]` or `["alias", name]`; a name that is not mapped is fine.
    static func unmap(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let client = arguments.count == 3 ? try context.client(try arguments.required(0, "client")) : context.caller
        let offset = arguments.count == 3 ? 1 : 0
        guard try arguments.string(offset, "mapping type") == "alias" else {
            throw CallFailure.arguments("only alias mappings exist")
        }
        let alias = try arguments.string(offset + 1, "alias")
        try AliasRecord.filter(AliasRecord.Columns.clientID == client.key && AliasRecord.Columns.alias == alias)
            .deleteAll(context.db)
        return nil
    }

    /// `[client, type, value]` or `[type, value]` with type `alias` (or `aliased`), `owner` or `shared`.
    static func lookup(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let client = arguments.count == 3 ? try context.client(try arguments.required(0, "client")) : context.caller
        let offset = arguments.count == 3 ? 1 : 0
        let kind = try arguments.string(offset, "lookup type")
        let value = try arguments.required(offset + 1, "value")
        switch kind {
        case "alias", "aliased":
            guard let alias = value.stringValue else { throw CallFailure.arguments("an alias is a string") }
            if alias.isEmpty { return .string(client.rid) }
            return .string(try context.resource(["alias": .string(alias)], relativeTo: client).rid)
        case "owner":
            let resource = try context.resource(value, relativeTo: client)
            // A client may not learn who owns it.
            guard resource.key != context.caller.key, let parentID = resource.parentID,
                let owner = try ResourceRecord.fetch(context.db, id: parentID)
            else { throw CallFailure.restricted }
            return .string(owner.rid)
        case "shared":
            guard let code = value.stringValue else { throw CallFailure.arguments("a share code is a string") }
            guard let share = try ShareRecord.fetch(context.db, code: code),
                let shared = try ResourceRecord.fetch(context.db, id: share.resourceID)
            else { throw CallFailure.status(.notfound) }
            return .string(shared.rid)
        default:
            throw CallFailure.arguments("lookup type must be alias, owner or shared")
        }
    }
}
