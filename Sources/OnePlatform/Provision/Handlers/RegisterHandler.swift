import GRDB

/// `/provision/register`: which vendor name a client's CIK stands for.
enum RegisterHandler {
    static func handle(_ context: ProvisionContext) throws -> ProvisionResponse {
        let client = try VendorAuthenticator.client(context.request, in: context.db)
        let current = try VendorStore.vendor(context.db, client: client.key)
        switch context.method {
        case "GET":
            guard let current else { return ProvisionResponse(status: 204) }
            return .text(current.name)
        case "POST":
            let name = try context.fields.required("vendor")
            if context.fields.flag("delete") {
                guard current?.name == name else { throw ProvisionFailure.notFound("vendor \(name) is not registered to this CIK") }
                guard try !VendorStore.isBootstrapVendor(context.db, name) else {
                    throw ProvisionFailure.forbidden("the platform's own vendor cannot be unregistered")
                }
                try VendorStore.unregister(context.db, name: name)
                return .reset
            }
            try VendorName.validate(name)
            guard current == nil else {
                throw ProvisionFailure.conflict("this CIK is already registered as vendor \(current?.name ?? ""): unregister that name first")
            }
            guard try VendorStore.vendor(context.db, named: name) == nil else {
                throw ProvisionFailure.conflict("vendor \(name) already exists: pick another name")
            }
            try VendorStore.register(context.db, name: name, client: client.key, now: context.now)
            return .reset
        default:
            throw ProvisionFailure.methodNotAllowed("register takes GET or POST")
        }
    }
}

/// Names of vendors, models, content, groups and tokens appear in paths, so they are kept to
/// characters that need no escaping there.
enum VendorName {
    static func validate(_ name: String, what: String = "vendor name") throws(ProvisionFailure) {
        guard !name.isEmpty, name.utf8.count <= 128 else { throw .badRequest("a \(what) has 1 to 128 characters") }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_.:@~".unicodeScalars.contains(scalar))
        }
        guard allowed else { throw .badRequest("a \(what) may hold letters, digits and - _ . : @ ~ only") }
    }
}
