import GRDB
import OnePJSON

/// `grant`: `[resource, {rid: [procedure, ...]}, {"ttl": seconds}]` answers a token.
///
/// The token acts as the named client (or as the owner of a named non-client) and may call only
/// the listed procedures, each on its RID and what lies below it. Permission keys are RIDs or
/// aliases of that client. Without a ttl the token does not expire. A token cannot grant.
enum GrantProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        guard context.grant == nil else { throw CallFailure.status(.noauth) }
        let target = try context.resource(try arguments.required(0, "resource"))
        let client: ResourceRecord
        if target.type == .client {
            client = target
        } else {
            guard let ownerID = target.parentID, let owner = try ResourceRecord.fetch(context.db, id: ownerID) else {
                throw CallFailure.restricted
            }
            client = owner
        }
        let permissions = try arguments.object(1, "permissions")
        var stored = JSONObject()
        for (key, procedures) in permissions {
            let resource = try granted(key, under: client, in: context)
            guard let list = procedures.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else { throw CallFailure.invalid }
            stored[resource.rid] = .array(list)
        }
        let expires = try expiry(try arguments.options(2), now: context.now)
        var record = TokenRecord(
            id: nil, token: Identifiers.random(), clientID: client.key, permissionsText: JSON.object(stored).serialized(),
            expires: expires, created: context.now)
        try record.insert(context.db)
        return .string(record.token)
    }

    /// The resource a permission key names: a RID or an alias, in the token client's subhierarchy.
    private static func granted(_ key: String, under client: ResourceRecord, in context: CallContext) throws -> ResourceRecord {
        let identifier: JSON = Identifiers.canonical(key) != nil ? .string(key) : ["alias": .string(key)]
        return try context.resource(identifier, relativeTo: client)
    }

    private static func expiry(_ options: JSONObject, now: Int) throws -> Int? {
        guard let ttl = options["ttl"], !ttl.isNull else { return nil }
        guard ttl.isNumber else { throw CallFailure.arguments("ttl must be a number of seconds") }
        // A ttl that runs past the last second a timestamp can hold is out of range, like any other.
        guard let seconds = ttl.intValue, seconds > 0, case let (expires, false) = now.addingReportingOverflow(seconds) else {
            throw CallFailure.invalid
        }
        return expires
    }
}
