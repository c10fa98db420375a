import Foundation
import Testing

/// `--host`: the shell against a real `onep serve` over HTTP, and against nothing at all.
@Suite("Remote platforms")
struct RemotePlatformTests {
    @Test func aServedPlatformAnswersOverHTTP() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let create = try OnepBinary.run(
            ["--host", server.url, "--cik", server.rootCIK, "create", "dataport", "remote", "--format", "integer"], in: world)
        #expect(create.status == 0, "\(create)")
        world.variables["ONEP_CIK"] = server.rootCIK
        let result = try OnepBinary.run(["--host", server.url, "-c", "write remote 42", "-c", "read remote"], in: world)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("  42\n"))
        // The served platform has its own data: no demo there, and nothing local was created.
        #expect(!(try OnepBinary.run(["--host", server.url, "--cik", server.rootCIK, "ls"], in: world).stdout.contains("demo")))
        #expect(!FileManager.default.fileExists(atPath: world.dataDirectory))
    }

    @Test func aWrongCIKIsRejectedWithStatus3() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let result = try OnepBinary.run(["--host", server.url, "--cik", String(repeating: "ab", count: 20), "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrLines.count == 1)
    }

    @Test func aWrongCIKIsRejectedLocallyToo() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--cik", String(repeating: "0", count: 40), "tree"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrLines.count == 1)
    }

    @Test func anUnreachableHostIsStatus3WithOneLine() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--host", "http://127.0.0.1:1", "--cik", String(repeating: "ab", count: 20), "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func withoutCredentialsARemoteCommandSaysToAuthenticate() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let result = try OnepBinary.run(["--host", server.url, "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("auth"))
    }

    @Test func debugHTTPPrintsARunnableCurlLineWithTheCIKMasked() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let result = try OnepBinary.run(["--debug-http", "--host", server.url, "--cik", server.rootCIK, "ls"], in: world)
        #expect(result.status == 0, "\(result)")
        let curl = try #require(result.stderrLines.first { $0.hasPrefix("curl ") })
        #expect(curl.contains("'\(server.url)/onep:v1/rpc/process'"))
        #expect(!result.stderr.contains(server.rootCIK))
        #expect(curl.contains(String(server.rootCIK.prefix(4)) + "****"))
    }

    @Test func debugHTTPOnTheEmbeddedPlatformSaysHowToReplay() throws {
        let world = try IsolatedEnvironment()
        _ = try OnepBinary.run(["ls"], in: world)
        let result = try OnepBinary.run(["--debug-http", "ls"], in: world)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("# embedded platform") == true)
        #expect(result.stderr.contains("onep serve --data"))
        #expect(result.stderrLines.dropFirst().allSatisfy { $0.hasPrefix("curl -X POST 'http://127.0.0.1:8080/onep:v1/rpc/process'") })
    }

    @Test func aBareHostMeansHTTPS() throws {
        let world = try IsolatedEnvironment()
        let result = try OnepBinary.run(["--debug-http", "--host", "127.0.0.1:1", "--cik", String(repeating: "ab", count: 20), "ls"], in: world)
        #expect(result.status == 3)
        #expect(result.stderr.contains("'https://127.0.0.1:1/onep:v1/rpc/process'"))
    }
}
