import GRDB

/// The model a request names and how far the calling vendor may go with it.
///
/// A vendor reaches its own models by name. With `X-Exosite-Vendor: <owner>` it reaches a model
/// another vendor shared with it, and may then only enable, regenerate and disable serial numbers
/// and look at the ones it enabled itself.
struct ModelAccess: Sendable {
    let caller: Vendor
    let model: ProvisionModel
    let isOwner: Bool

    static func resolve(_ name: String, for caller: Vendor, request: ProvisionRequest, in db: Database) throws -> ModelAccess {
        if let owner = request.nonEmptyHeader("X-Exosite-Vendor"), owner != caller.name {
            guard let model = try ModelStore.model(db, vendor: owner, name: name),
                try ModelStore.isShared(db, model: model.id, with: caller.name)
            else { throw ProvisionFailure.notFound("vendor \(owner) shares no model \(name) with you") }
            return ModelAccess(caller: caller, model: model, isOwner: false)
        }
        guard let model = try ModelStore.model(db, vendor: caller.name, name: name) else {
            throw ProvisionFailure.notFound("unknown model \(name)")
        }
        return ModelAccess(caller: caller, model: model, isOwner: true)
    }

    /// Refuses an operation that a shared model does not allow.
    func requireOwner() throws(ProvisionFailure) {
        guard isOwner else { throw .forbidden("a shared model allows only enabling and disabling serial numbers") }
    }
}
