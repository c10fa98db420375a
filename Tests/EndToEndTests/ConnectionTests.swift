import Foundation
import Testing

/// Reaching a platform that is not there, not a One Platform, or silent: one clear line, exit 3.
@Suite("Connections")
struct ConnectionTests {
    @Test func aHostWithoutSchemeThatSpeaksHTTPSuggestsHTTP() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let bare = String(served.url.dropFirst("http://".count))
        let result = try OnepBinary.run(["--host", bare, "--cik", served.rootCIK, "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains("--host http://\(bare)"), "\(result)")
        #expect(!result.stderr.contains("SSL"), "\(result)")
    }

    @Test func aWebServerIsNotAOnePlatform() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: CannedServer.notFoundPage)
        defer { server.stop() }
        let result = try OnepBinary.run(["--host", server.url, "--cik", String(repeating: "1", count: 40), "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("unreachable or not a One Platform"), "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
    }

    @Test func connectChecksThePlatformBeforeSayingItConnected() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: CannedServer.notFoundPage)
        defer { server.stop() }
        let result = try OnepBinary.run(["-c", "connect \(server.url)", "-c", "ls demo"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(!result.stdout.contains("connected to"), "\(result)")
        #expect(result.stderr.contains("not a One Platform"), "\(result)")
        // The shell stays where it was: the next line still reads the embedded platform.
        let kept = try OnepBinary.run(["--continue-on-error", "-c", "connect \(server.url)", "-c", "ls demo"], in: world)
        #expect(kept.stdout.contains("temperature"), "\(kept)")
        let served = try ServedPlatform(in: world)
        let good = try OnepBinary.run(["-c", "connect \(served.url)"], in: world)
        #expect(good.status == 0, "\(good)")
        #expect(good.stdout == "connected to \(served.url)\n")
    }

    @Test func aServerThatNeverAnswersTimesOutAsAsked() throws {
        let world = try IsolatedEnvironment()
        let server = try CannedServer(answer: nil)
        defer { server.stop() }
        let result = try OnepBinary.run(["--host", server.url, "--cik", String(repeating: "1", count: 40), "--timeout", "1", "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderr.contains("no answer from \(server.url) after 1 s"), "\(result)")
        let half = try OnepBinary.run(["--host", server.url, "--cik", String(repeating: "1", count: 40), "--timeout", "0.5", "ls"], in: world)
        #expect(half.stderr.contains("after 0.5 s"), "\(half)")
        let bad = try OnepBinary.run(["--timeout", "0", "ls"], in: world)
        #expect(bad.status == 2, "\(bad)")
    }
}
