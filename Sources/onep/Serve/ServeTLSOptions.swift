import ArgumentParser
import OnePlatformServer

/// `onep serve --tls-cert FILE --tls-key FILE`: HTTPS instead of HTTP.
struct ServeTLSOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve HTTPS with this PEM certificate (chain).", valueName: "file"))
    var certificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
    var key: String?

    func validate() throws {
        switch (certificate, key) {
        case (nil, nil), (_?, _?): return
        case (_?, nil): throw ValidationError("--tls-cert needs --tls-key with the certificate's private key")
        case (nil, _?): throw ValidationError("--tls-key needs --tls-cert with the certificate it belongs to")
        }
    }

    /// The files to serve HTTPS with, or nil for plain HTTP.
    var files: ServerTLSFiles? {
        guard let certificate, let key else { return nil }
        return ServerTLSFiles(certificateChain: certificate, privateKey: key)
    }
}
