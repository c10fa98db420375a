import OneP

/// A vendor's name and a token that acts for it.
public struct VendorCredentials: Sendable, Equatable {
    public var name: String
    public var token: String

    public init(name: String, token: String) {
        self.name = name
        self.token = token
    }
}

/// The vendor a session provisions for, with where its credentials came from, so `provision
/// vendor show` can say so without ever showing the token.
struct VendorSession: Sendable, Equatable {
    var credentials: VendorCredentials
    /// `provision auth`, `environment`, `config file` or `platform`.
    var source: String

    var auth: VendorAuth { .token(credentials.token) }

    /// The vendor a fresh session uses: `ONEP_VENDOR` / `ONEP_VENDOR_TOKEN`, else the config
    /// file's `vendor:` entry, else the one that comes with the platform.
    static func initial(environment: [String: String], endpoint: Endpoint) -> VendorSession? {
        if let name = environment["ONEP_VENDOR"], let token = environment["ONEP_VENDOR_TOKEN"], !name.isEmpty, !token.isEmpty {
            return VendorSession(credentials: VendorCredentials(name: name, token: token), source: "environment")
        }
        if let saved = try? KeyStore(environment: environment).vendor() {
            return VendorSession(credentials: saved, source: "config file")
        }
        return endpoint.vendor.map { VendorSession(credentials: $0, source: "platform") }
    }
}
