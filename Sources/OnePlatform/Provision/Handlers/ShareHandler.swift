import GRDB

/// `/provision/manage/share/<model>/[<vendor>]`: which other vendors may use a model.
enum ShareHandler {
    static func shares(_ context: ProvisionContext, model name: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        switch context.method {
        case "GET":
            return .csv(try ModelStore.shareVendors(context.db, model: access.model.id))
        case "POST":
            let vendor = try context.fields.required("vendor")
            if context.fields.flag("delete") { return try unshare(context, access, vendor) }
            guard vendor != access.caller.name else { throw ProvisionFailure.badRequest("a vendor cannot share a model with itself") }
            guard try VendorStore.vendor(context.db, named: vendor) != nil else { throw ProvisionFailure.notFound("unknown vendor \(vendor)") }
            guard try !ModelStore.isShared(context.db, model: access.model.id, with: vendor) else {
                throw ProvisionFailure.conflict("model \(name) is already shared with \(vendor)")
            }
            try ModelStore.share(context.db, model: access.model.id, with: vendor)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("share/<model>/ takes GET or POST")
        }
    }

    static func share(_ context: ProvisionContext, model name: String, vendor: String) throws -> ProvisionResponse {
        let access = try context.model(name)
        try access.requireOwner()
        switch context.method {
        case "GET":
            guard try ModelStore.isShared(context.db, model: access.model.id, with: vendor) else {
                throw ProvisionFailure.notFound("model \(name) is not shared with \(vendor)")
            }
            return ProvisionResponse(status: 204)
        case "DELETE":
            return try unshare(context, access, vendor)
        default:
            throw ProvisionFailure.methodNotAllowed("share/<model>/<vendor> takes GET or DELETE")
        }
    }

    private static func unshare(_ context: ProvisionContext, _ access: ModelAccess, _ vendor: String) throws -> ProvisionResponse {
        guard try ModelStore.unshare(context.db, model: access.model.id, with: vendor) else {
            throw ProvisionFailure.notFound("model \(access.model.name) is not shared with \(vendor)")
        }
        return .reset
    }
}
