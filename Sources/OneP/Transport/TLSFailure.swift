import NIOSSL

/// Says in a line what went wrong in an HTTPS handshake, for the `tls` kind of ``OnePError``.
enum TLSFailure {
    /// The cause of a TLS failure, or nil when `error` is not one.
    /// - Parameter endpoint: the `https://` URL asked, to name its plain-HTTP form when the server
    ///   does not speak TLS.
    static func cause(of error: any Error, endpoint: String = "") -> String? {
        if let error = error as? NIOSSLExtraError {
            return "\(error)"
        }
        guard let error = error as? NIOSSLError else {
            // Other TLS errors (BoringSSL's own, the platform TLS of other systems) by their type's name.
            let typeName = String(reflecting: type(of: error))
            return typeName.contains("SSL") || typeName.contains("TLS") ? "\(error)" : nil
        }
        switch error {
        case .handshakeFailed(let inner) where "\(inner)".contains("CERTIFICATE_VERIFY_FAILED"):
            return "the server's certificate is not signed by an authority this client trusts (a private authority: --cacert FILE)"
        case .handshakeFailed(let inner) where "\(inner)".contains("WRONG_VERSION_NUMBER"):
            guard endpoint.hasPrefix("https://") else { return "the server does not speak TLS there (try http://)" }
            return "the server does not speak TLS there: if it serves plain HTTP, use --host http://" + endpoint.dropFirst("https://".count)
        default:
            return "\(error)"
        }
    }
}
