/// `/provision/register` and `/provision/admin/auth`: vendor names and vendor tokens.
extension ProvisionClient {
    /// The vendor name registered to a CIK (200), or 204 when it has none.
    public func registeredVendor(cik: String) async throws -> ProvisionAnswer {
        try await send("GET", "/provision/register", auth: .cik(cik))
    }

    /// Registers `vendor` as the name of the client whose CIK is given.
    public func register(vendor: String, cik: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/register", form: [("vendor", vendor)], auth: .cik(cik))
    }

    public func unregister(vendor: String, cik: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/register", form: [("delete", "true"), ("vendor", vendor)], auth: .cik(cik))
    }

    /// The ids of the vendor's tokens, one per line.
    public func tokenList() async throws -> ProvisionAnswer {
        try await send("GET", "/provision/admin/auth/")
    }

    /// Makes a token named `id`; the answer's text is the token.
    public func tokenCreate(id: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/admin/auth/", form: [("id", id)])
    }

    public func tokenShow(id: String) async throws -> ProvisionAnswer {
        try await send("GET", "/provision/admin/auth/" + FormEncoding.segment(id))
    }

    public func tokenDelete(id: String) async throws -> ProvisionAnswer {
        try await send("DELETE", "/provision/admin/auth/" + FormEncoding.segment(id))
    }

    /// The older form of token removal: a POST with `delete=true`.
    public func tokenDeleteByPost(id: String) async throws -> ProvisionAnswer {
        try await send("POST", "/provision/admin/auth/", form: [("delete", "true"), ("id", id)])
    }
}
