import Foundation
import Testing

/// `host` and `port` in exoline's `~/.exoline` choose the platform when `--host` does not; `--host`
/// and `--data` win over them.
@Suite("exoline's host")
struct ExolineHostEndToEndTests {
    private func exoline(_ text: String, in world: IsolatedEnvironment) throws {
        try text.write(toFile: world.root + "/home/.exoline", atomically: true, encoding: .utf8)
    }

    @Test func hostAndPortOfExolineLeadToThatPlatform() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let port = try #require(server.url.split(separator: ":").last)
        try exoline("host: 127.0.0.1\nport: \(port)\nhttps: false\n", in: world)
        let create = try OnepBinary.run(["--cik", server.rootCIK, "create", "dataport", "via-exoline"], in: world)
        #expect(create.status == 0, "\(create)")
        let remote = try OnepBinary.run(["--host", server.url, "--cik", server.rootCIK, "ls"], in: world)
        #expect(remote.stdout.contains("via-exoline"), "\(remote)")
        // Nothing was made in the embedded platform, which --data still opens.
        let local = try OnepBinary.run(["--data", world.dataDirectory, "ls"], in: world)
        #expect(local.status == 0, "\(local)")
        #expect(!local.stdout.contains("via-exoline") && local.stdout.contains("demo-device"), "\(local)")
    }

    @Test func hostOnTheCommandLineWins() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        try exoline("host: 127.0.0.1\nport: 1\nhttps: false\n", in: world)
        let unreachable = try OnepBinary.run(["--cik", server.rootCIK, "ls"], in: world)
        #expect(unreachable.status == 3, "\(unreachable)")
        let given = try OnepBinary.run(["--host", server.url, "--cik", server.rootCIK, "ls"], in: world)
        #expect(given.status == 0, "\(given)")
    }

    @Test func anUnusablePortIsOneLineWithStatus2() throws {
        let world = try IsolatedEnvironment()
        try exoline("host: m2.example.com\nport: ninety\n", in: world)
        let result = try OnepBinary.run(["ls"], in: world)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(".exoline has a port that is not a number from 1 to 65535"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: world.dataDirectory))
    }
}
