import Foundation
import Testing

/// `onep serve --tls-cert --tls-key`: HTTPS that curl (as pyonep and exoline would) and the shell
/// reach when they are given the private authority that signed the certificate.
@Suite("HTTPS")
struct TLSTests {
    @Test func theShellReachesAnHTTPSPlatformWithCacert() throws {
        let world = try IsolatedEnvironment()
        let certificates = try TestCertificates(in: world)
        let server = try ServedPlatform(in: world, arguments: ["--tls-cert", certificates.certificate, "--tls-key", certificates.key])
        #expect(server.url.hasPrefix("https://127.0.0.1:"))
        let trusted = ["--host", server.url, "--cacert", certificates.authority, "--cik", server.rootCIK]
        let create = try OnepBinary.run(trusted + ["create", "dataport", "secure", "--format", "integer"], in: world)
        #expect(create.status == 0, "\(create)")
        let listing = try OnepBinary.run(trusted + ["-c", "write secure 7", "-c", "read secure"], in: world)
        #expect(listing.status == 0, "\(listing)")
        #expect(listing.stdout.hasSuffix("  7\n"))
        world.variables["ONEP_VENDOR"] = server.vendor
        world.variables["ONEP_VENDOR_TOKEN"] = server.vendorToken
        let models = try OnepBinary.run(["--host", server.url, "--cacert", certificates.authority, "provision", "model", "list"], in: world)
        #expect(models.status == 0, "\(models)")

        let untrusted = try OnepBinary.run(["--host", server.url, "--cik", server.rootCIK, "ls"], in: world)
        #expect(untrusted.status == 3, "\(untrusted)")
        #expect(untrusted.stderrLines.count == 1, "\(untrusted)")
    }

    @Test func curlReachesRPCAndTheDataInterfaceWithThePrivateAuthority() throws {
        let world = try IsolatedEnvironment()
        let certificates = try TestCertificates(in: world)
        let server = try ServedPlatform(in: world, arguments: ["--tls-cert", certificates.certificate, "--tls-key", certificates.key])
        let lookup = #"{"auth":{"cik":"\#(server.rootCIK)"},"calls":[{"id":1,"procedure":"lookup","arguments":[{"alias":""},"alias",""]}]}"#
        let rpc = try Curl.run(
            ["--cacert", certificates.authority, "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", lookup],
            url: server.url + "/onep:v1/rpc/process")
        #expect(rpc.status == 200)
        #expect(rpc.text.contains(#""status":"ok""#), "\(rpc)")
        let timestamp = try Curl.run(["--cacert", certificates.authority], url: server.url + "/timestamp")
        #expect(timestamp.status == 200)
        // Without the authority curl refuses the certificate, as it should.
        #expect(try Curl.run([], url: server.url + "/timestamp").status == 0)
    }

    @Test func aCertificateFileThatIsNotOneFailsTheStartWithOneLine() throws {
        let world = try IsolatedEnvironment()
        let bogus = try world.file(named: "bogus.pem", containing: "not a certificate\n")
        let result = try OnepBinary.run(["serve", "--port", "0", "--tls-cert", bogus, "--tls-key", bogus], in: world)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines == ["onep serve: cannot serve HTTPS with \(bogus): not a PEM certificate"])
        let missing = try OnepBinary.run(["serve", "--port", "0", "--tls-cert", world.root + "/none.pem"], in: world)
        #expect(missing.status == 2, "\(missing)")
        #expect(missing.stderr.contains("--tls-cert needs --tls-key"))
    }

    @Test func aCacertThatIsNotACertificateIsAUsageError() throws {
        let world = try IsolatedEnvironment()
        let bogus = try world.file(named: "bogus.pem", containing: "not a certificate\n")
        let result = try OnepBinary.run(["--host", "https://127.0.0.1:1", "--cacert", bogus, "ls"], in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--cacert \(bogus): not a PEM certificate"), "\(result)")
    }
}
