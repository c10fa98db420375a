/// Logs each provisioning request as a `curl` command line, then hands it to another transport.
///
/// Vendor tokens and CIKs in the auth headers are masked as in the RPC debug log; a file body is
/// shown as `--data-binary @FILE` rather than read.
public struct CurlLoggingProvisionTransport: ProvisionTransport {
    public let base: any ProvisionTransport
    /// The address the command lines name, e.g. `http://127.0.0.1:8080`.
    public let url: String
    public let log: @Sendable (String) -> Void

    public var endpoint: String { base.endpoint }

    public init(base: any ProvisionTransport, url: String, log: @escaping @Sendable (String) -> Void) {
        self.base = base
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.log = log
    }

    public func exchange<Result>(_ request: ProvisionOutgoing, receive: (ProvisionIncoming) async throws -> Result) async throws -> Result {
        log(Self.command(request, url: url))
        return try await base.exchange(request, receive: receive)
    }

    static func command(_ request: ProvisionOutgoing, url: String) -> String {
        let query = request.query.isEmpty ? "" : "?" + request.query
        var words = ["curl", "-X", request.method, CurlFormatter.quoted(url + request.path + query)]
        for (name, value) in request.headers {
            let secret = ["x-exosite-token", "x-exosite-cik"].contains(name.lowercased())
            words += ["-H", CurlFormatter.quoted("\(name): \(secret ? CurlFormatter.mask(value) : value)")]
        }
        switch request.body.source {
        case .bytes(let bytes) where !bytes.isEmpty:
            words += ["--data-binary", CurlFormatter.quoted(String(decoding: bytes, as: UTF8.self))]
        case .file(let file):
            words += ["--data-binary", CurlFormatter.quoted("@" + file.path)]
        default:
            break
        }
        return words.joined(separator: " ")
    }
}
