import GRDB
import OnePJSON

/// Who may touch a resource beyond the caller's own subhierarchy, and what a token may do.
extension CallContext {
    /// Resolves `identifier` for the caller; a read also reaches, by RID, public resources and
    /// resources shared with the caller (and what lies below a shared client).
    func reachable(_ identifier: JSON) throws -> ResourceRecord {
        if readsOnly, case .string(let text) = identifier, let rid = Identifiers.canonical(text),
            let found = try ResourceRecord.fetch(db, rid: rid), found.key != caller.key,
            try !ResourceRecord.isWithin(db, found, of: caller), try readableFromOutside(found)
        {
            return found
        }
        return try resource(identifier, relativeTo: caller)
    }

    /// Whether a resource outside the caller's subhierarchy may still be read by it.
    func readableFromOutside(_ resource: ResourceRecord) throws -> Bool {
        if resource.description["public"]?.boolValue == true { return true }
        return try ShareRecord.reaches(db, resource, activator: caller.key)
    }

    /// Fails a token call whose procedure was granted on no resource at all, or that leaves out
    /// its leading ResourceID (the older forms that act on the caller) without a grant on the caller.
    func authorizeProcedure(_ arguments: Arguments) throws {
        guard let grant else { return }
        guard grant.values.contains(where: { $0.contains(procedure) }) else { throw CallFailure.status(.noauth) }
        let namesResource = arguments[0].map(Self.looksLikeResourceID) ?? false
        if !namesResource { try authorize(caller) }
    }

    /// Fails a token call on a resource that is not, or is not below, a resource granted this procedure.
    func authorize(_ resource: ResourceRecord) throws {
        guard let grant else { return }
        for (rid, procedures) in grant where procedures.contains(procedure) {
            if rid == resource.rid { return }
            if let granted = try ResourceRecord.fetch(db, rid: rid), try ResourceRecord.isWithin(db, resource, of: granted) {
                return
            }
        }
        throw CallFailure.status(.noauth)
    }
}
