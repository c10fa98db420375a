import NIOSSL

/// The certificate authorities a transport trusts for HTTPS in place of the system's: what
/// `onep --cacert FILE` gives, for a platform whose certificate a private CA signed.
public struct TrustedCertificates: Sendable {
    let certificates: [NIOSSLCertificate]

    /// Reads the PEM certificates in `path`, so a bad file fails before any request.
    /// - Throws: ``Unusable`` saying what is wrong with the file.
    public init(pemFile path: String) throws(Unusable) {
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch let error as NIOSSLError {
            if case .noSuchFilesystemObject = error { throw Unusable(path: path, cause: "no such file") }
            throw Unusable(path: path, cause: "not a PEM certificate")
        } catch {
            throw Unusable(path: path, cause: "cannot be read (\(error))")
        }
        guard !certificates.isEmpty else { throw Unusable(path: path, cause: "holds no PEM certificate") }
    }

    /// A certificate file that cannot serve as a trust anchor.
    public struct Unusable: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let cause: String

        public var description: String { "\(path): \(cause)" }
    }

    /// A client configuration that trusts exactly these certificates, as curl's `--cacert` does.
    var clientConfiguration: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(certificates)
        return configuration
    }
}
