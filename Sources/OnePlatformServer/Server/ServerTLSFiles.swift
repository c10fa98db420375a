import NIOSSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The PEM files HTTPS is served with: the server's certificate (followed by any intermediate
/// certificates) and its private key.
public struct ServerTLSFiles: Sendable, Equatable {
    public var certificateChain: String
    public var privateKey: String

    public init(certificateChain: String, privateKey: String) {
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }

    /// Reads both files into a server configuration, so a bad file fails the start, not the first client.
    /// - Throws: ``PlatformServerError`` naming the file and what is wrong with it.
    func configuration() throws -> TLSConfiguration {
        try Self.requireReadable(certificateChain)
        try Self.requireReadable(privateKey)
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificateChain)
        } catch {
            throw PlatformServerError.unreadableTLSFile(certificateChain, cause: Self.cause(error, expecting: "a PEM certificate"))
        }
        guard !certificates.isEmpty else {
            throw PlatformServerError.unreadableTLSFile(certificateChain, cause: "it holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw PlatformServerError.unreadableTLSFile(privateKey, cause: Self.cause(error, expecting: "a PEM private key"))
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        // Fails the start when the key does not belong to the certificate, instead of every handshake.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw PlatformServerError.unreadableTLSFile(privateKey, cause: "the key does not match the certificate in \(certificateChain)")
        }
        return configuration
    }

    private static func cause(_ error: any Error, expecting what: String) -> String {
        if let error = error as? NIOSSLError, case .noSuchFilesystemObject = error { return "no such file" }
        return "not \(what)"
    }

    /// Fails with the system's reason when the file cannot be read at all.
    private static func requireReadable(_ path: String) throws {
        guard access(path, R_OK) != 0 else { return }
        throw PlatformServerError.unreadableTLSFile(path, cause: String(cString: strerror(errno)).lowercased())
    }
}
