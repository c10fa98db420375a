import GRDB

/// Finds the vendor a management request acts as, from `X-Exosite-Token` or `X-Exosite-CIK`.
///
/// A token wins when both are sent. Empty header values are ignored (pyonep sends them empty on
/// calls that need no auth).
enum VendorAuthenticator {
    static func vendor(_ request: ProvisionRequest, in db: Database) throws -> Vendor {
        if let token = request.nonEmptyHeader("X-Exosite-Token") {
            guard let vendor = try VendorStore.vendor(db, token: token) else { throw ProvisionFailure.unauthorized("unknown vendor token") }
            return vendor
        }
        let client = try client(request, in: db)
        guard let vendor = try VendorStore.vendor(db, client: client.key) else {
            throw ProvisionFailure.forbidden("this CIK is not registered to a vendor")
        }
        return vendor
    }

    /// The activated client whose CIK the request carries.
    static func client(_ request: ProvisionRequest, in db: Database) throws -> ResourceRecord {
        guard let cik = request.nonEmptyHeader("X-Exosite-CIK") else {
            throw ProvisionFailure.unauthorized("send X-Exosite-Token or X-Exosite-CIK")
        }
        guard let canonical = Identifiers.canonical(cik), let client = try ResourceRecord.fetch(db, cik: canonical),
            client.type == .client, client.status == .activated
        else { throw ProvisionFailure.unauthorized("unknown or inactive CIK") }
        return client
    }
}
