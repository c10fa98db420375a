import GRDB
import OnePJSON

/// Turning a ResourceID argument (a RID, `{"alias": name}` or `{"alias": ""}`) into a resource.
extension CallContext {
    /// The resource `identifier` names, which this call must reach (see ResourceAccess.swift).
    ///
    /// - Throws: `restricted` for an unknown or out-of-reach RID, `invalid` for an alias that
    ///   does not exist, `noauth` for a token without this procedure on the resource; an
    ///   arguments failure for a value that is neither a RID string nor an alias object.
    func resource(_ identifier: JSON) throws -> ResourceRecord {
        let found = try reachable(identifier)
        try authorize(found)
        return found
    }

    /// The resource `identifier` names as seen by `client`: its aliases, its subhierarchy.
    func resource(_ identifier: JSON, relativeTo client: ResourceRecord) throws -> ResourceRecord {
        switch identifier {
        case .string(let text):
            guard let rid = Identifiers.canonical(text) else { throw CallFailure.restricted }
            if rid == client.rid { return client }
            guard let resource = try fetchResource(rid: rid), try ancestry.isWithin(resource, of: client.key, in: db)
            else { throw CallFailure.restricted }
            return resource
        case .object(let object):
            guard object.count == 1, let alias = object["alias"]?.stringValue else {
                throw CallFailure.arguments("a resource is a RID string or {\"alias\": name}")
            }
            if alias.isEmpty { return client }
            // The hosted platform answers `invalid` for an alias nobody mapped, and clients rely on it.
            guard let mapping = try AliasRecord.fetch(db, client: client.key, alias: alias),
                let resource = try ResourceRecord.fetch(db, id: mapping.targetID)
            else { throw CallFailure.invalid }
            // A client maps only what it reaches, and a move takes the aliases of those it leaves.
            guard try ancestry.isWithin(resource, of: client.key, in: db) else { throw CallFailure.restricted }
            return resource
        default:
            throw CallFailure.arguments("a resource is a RID string or {\"alias\": name}, not a \(identifier.kindName)")
        }
    }

    /// Like ``resource(_:)`` but the result must be a client.
    func client(_ identifier: JSON) throws -> ResourceRecord {
        let resource = try resource(identifier)
        guard resource.type == .client else { throw CallFailure.invalid }
        return resource
    }

    /// Like ``client(_:)``, for the parent a `create` names: a RID below the caller is read once
    /// per run of creates (see ``Ancestry/record(rid:in:)``); anything else resolves as usual, so
    /// the failures are the same.
    func creationParent(_ identifier: JSON) throws -> ResourceRecord {
        guard case .string(let text) = identifier, let rid = Identifiers.canonical(text), rid != caller.rid,
            let found = try ancestry.record(rid: rid, in: db), try ancestry.isWithin(found, of: caller.key, in: db)
        else { return try client(identifier) }
        try authorize(found)
        guard found.type == .client else { throw CallFailure.invalid }
        return found
    }

    /// Whether a value has the shape of a ResourceID, without resolving it.
    static func looksLikeResourceID(_ json: JSON) -> Bool {
        switch json {
        case .string(let text): return Identifiers.canonical(text) != nil
        case .object(let object): return object.count == 1 && object["alias"]?.stringValue != nil
        default: return false
        }
    }
}
