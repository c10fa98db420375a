import Foundation

/// A private certificate authority and a server certificate it signed for 127.0.0.1 and
/// localhost, made with the system's `openssl` for one test.
struct TestCertificates {
    /// The authority's certificate: what a client is given with `--cacert`.
    let authority: String
    /// The server's certificate and key: what `onep serve --tls-cert --tls-key` is given.
    let certificate: String
    let key: String

    init(in environment: IsolatedEnvironment) throws {
        let directory = environment.root + "/tls"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        authority = directory + "/ca.pem"
        certificate = directory + "/server.pem"
        key = directory + "/server.key"
        let extensions = try environment.file(named: "tls/server.ext", containing: "subjectAltName=IP:127.0.0.1,DNS:localhost\n")
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(
            ["req", "-x509"] + curve + ["-keyout", directory + "/ca.key", "-out", authority, "-days", "2", "-subj", "/CN=onep test CA"])
        try Self.openssl(["req"] + curve + ["-keyout", key, "-out", directory + "/server.csr", "-subj", "/CN=127.0.0.1"])
        try Self.openssl([
            "x509", "-req", "-in", directory + "/server.csr", "-CA", authority, "-CAkey", directory + "/ca.key", "-CAcreateserial",
            "-out", certificate, "-days", "2", "-extfile", extensions,
        ])
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServedPlatformError(output: "openssl \(arguments.joined(separator: " ")): " + String(decoding: text, as: UTF8.self))
        }
    }
}
