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
    /// - Throws: ``ShellError`` when the config file cannot be read or is not YAML; falling back
    ///   to the platform's vendor then would provision for a vendor the user did not choose.
    static func initial(environment: [String: String], endpoint: Endpoint) throws(ShellError) -> VendorSession? {
        if let name = environment["ONEP_VENDOR"], let token = environment["ONEP_VENDOR_TOKEN"], !name.isEmpty, !token.isEmpty {
            return VendorSession(credentials: VendorCredentials(name: name, token: token), source: "environment")
        }
        if let saved = try KeyStore(environment: environment).vendor() {
            return VendorSession(credentials: saved, source: "config file")
        }
        return endpoint.vendor.map { VendorSession(credentials: $0, source: "platform") }
    }
}

extension Session {
    /// Takes the vendor a fresh session uses, keeping a broken config file's error for the
    /// `provision` commands, which are the only ones that need a vendor.
    mutating func useInitialVendor(environment: [String: String]) {
        do {
            vendor = try VendorSession.initial(environment: environment, endpoint: endpoint)
            vendorProblem = nil
        } catch {
            vendor = nil
            vendorProblem = error
        }
    }

    /// The vendor the `provision` commands act for.
    /// - Throws: ``ShellError`` when there is none, naming a broken config file if that is why.
    func requiredVendor() throws(ShellError) -> VendorSession {
        guard let vendor else { throw vendorProblem ?? ShellError(.noVendor) }
        return vendor
    }
}
