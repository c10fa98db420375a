import GRDB
import OnePJSON

/// The rules of reach: which resources a call may name, and what a `grant` token may do.
///
/// A caller reaches its own subhierarchy: itself and everything below it. Beyond it, the
/// procedures that read a time series (`read` and `wait`) also reach public resources, and
/// resources shared with the caller (an activated share) with what lies below them. Nothing else
/// reaches further: describing, listing, counting or looking up a resource (`info`, `listing`,
/// `usage`, `lookup`) is for its owners, so an activator of a share or a reader of a public
/// resource gets `restricted` from them, as from every changing call. A token reaches only the
/// granted resources (and what lies below them) for the procedures granted on each.
extension CallContext {
    /// The procedures that may read beyond the caller's subhierarchy.
    static let readsBeyondSubhierarchy: Set<String> = ["read", "wait"]

    /// Resolves `identifier` for the caller: a RID in its subhierarchy, a RID beyond it that this
    /// call may read, or an alias of the caller.
    func reachable(_ identifier: JSON) throws -> ResourceRecord {
        guard case .string(let text) = identifier else { return try resource(identifier, relativeTo: caller) }
        guard let rid = Identifiers.canonical(text) else { throw CallFailure.restricted }
        if rid == caller.rid { return caller }
        guard let found = try fetchResource(rid: rid) else { throw CallFailure.restricted }
        if try ancestry.isWithin(found, of: caller.key, in: db) { return found }
        if Self.readsBeyondSubhierarchy.contains(procedure), try readableFromOutside(found) { return found }
        throw CallFailure.restricted
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
            if let granted = try ancestry.rowID(of: rid, in: db), try ancestry.isWithin(resource, of: granted, in: db) { return }
        }
        throw CallFailure.status(.noauth)
    }
}
