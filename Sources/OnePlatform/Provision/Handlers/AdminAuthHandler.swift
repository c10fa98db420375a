import GRDB

/// `/provision/admin/auth[/<id>]`: the named tokens a vendor hands out in place of its CIK.
enum AdminAuthHandler {
    static func tokens(_ context: ProvisionContext) throws -> ProvisionResponse {
        let vendor = try context.vendor()
        switch context.method {
        case "GET":
            return .csv(try VendorStore.tokenNames(context.db, vendor: vendor.name))
        case "POST":
            let name = try context.fields.required("id")
            if context.fields.flag("delete") { return try delete(context, vendor: vendor, name: name) }
            try VendorName.validate(name, what: "token id")
            guard try VendorStore.token(context.db, vendor: vendor.name, name: name) == nil else {
                throw ProvisionFailure.conflict("token \(name) already exists: pick another id or delete it first")
            }
            return .text(try VendorStore.createToken(context.db, vendor: vendor.name, name: name, now: context.now))
        default:
            throw ProvisionFailure.methodNotAllowed("admin/auth/ takes GET or POST")
        }
    }

    static func token(_ context: ProvisionContext, name: String) throws -> ProvisionResponse {
        let vendor = try context.vendor()
        switch context.method {
        case "GET":
            guard let token = try VendorStore.token(context.db, vendor: vendor.name, name: name) else {
                throw ProvisionFailure.notFound("unknown token \(name)")
            }
            return .text(token)
        case "DELETE":
            return try delete(context, vendor: vendor, name: name)
        default:
            throw ProvisionFailure.methodNotAllowed("admin/auth/<id> takes GET or DELETE")
        }
    }

    private static func delete(_ context: ProvisionContext, vendor: Vendor, name: String) throws -> ProvisionResponse {
        guard try VendorStore.deleteToken(context.db, vendor: vendor.name, name: name) else {
            throw ProvisionFailure.notFound("unknown token \(name)")
        }
        return .reset
    }
}
