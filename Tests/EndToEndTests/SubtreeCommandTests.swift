import Foundation
import Testing

/// find, dump, load, diff and copy through the built binary against a real `onep serve`.
@Suite("Subtree commands over HTTP")
struct SubtreeCommandTests {
    @Test func findDumpLoadDiffAgainstAServedPlatform() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        world.variables["ONEP_CIK"] = server.rootCIK
        let dump = world.root + "/dev.json"
        let setup = try OnepBinary.run(
            [
                "--host", server.url, "-c", "create client dev", "-c", "create dataport dev/temp --alias t --format float",
                "-c", "create dataport dev/copy --format float --subscribe dev/temp", "-c", "write dev/temp 2.5",
                "-c", "dump dev --data --file \(dump)", "-c", "create client twin", "-c", "load \(dump) --into twin",
            ], in: world)
        #expect(setup.status == 0, "\(setup)")
        #expect(setup.stdout.contains("loaded 3 resources and 2 points under /twin: "), "\(setup)")
        let found = try OnepBinary.run(["--host", server.url, "find", "temp*"], in: world)
        #expect(found.status == 0 && found.stdout == "dev/temp\ntwin/dev/temp\n", "\(found)")
        let missing = try OnepBinary.run(["--host", server.url, "find", "nothing"], in: world)
        #expect(missing.status == 1 && missing.stdout.isEmpty, "\(missing)")
        let same = try OnepBinary.run(["--host", server.url, "diff", "dev", "twin/dev"], in: world)
        #expect(same.status == 0 && same.stdout == "no differences\n", "\(same)")
        let changed = try OnepBinary.run(["--host", server.url, "-c", "update twin/dev/temp --meta x", "-c", "diff dev twin/dev"], in: world)
        #expect(changed.status == 1 && changed.stdout.contains("+   meta: x"), "\(changed)")
    }

    @Test func copyFromTheEmbeddedPlatformToAServedOne() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        let local = try OnepBinary.run(
            ["-c", "create client dev", "-c", "create dataport dev/temp --alias t --format integer", "-c", "write dev/temp 7"], in: world)
        #expect(local.status == 0, "\(local)")
        let copy = try OnepBinary.run(["copy", "dev", "--data", "--to-host", server.url, "--to-cik", server.rootCIK], in: world)
        #expect(copy.status == 0, "\(copy)")
        #expect(copy.stdout.hasPrefix("copied 2 resources and 1 point under \(server.url): "), "\(copy)")
        let read = try OnepBinary.run(["--host", server.url, "--cik", server.rootCIK, "read", "dev/t"], in: world)
        #expect(read.status == 0 && read.stdout.hasSuffix("  7\n"), "\(read)")
    }

    @Test func dataWriteAndReadAsADeviceAgainstAServedPlatform() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        world.variables["ONEP_CIK"] = server.rootCIK
        let setup = try OnepBinary.run(
            [
                "--host", server.url, "-c", "create client dev", "-c", "create dataport dev/temp --alias temp --format integer", "-c",
                "info dev --include key",
            ],
            in: world)
        #expect(setup.status == 0, "\(setup)")
        let cik = try #require(setup.stdout.split(whereSeparator: { !$0.isHexDigit }).last { $0.count == 40 }.map(String.init))
        let written = try OnepBinary.run(["--host", server.url, "data", "write", "temp=42", "--device-cik", cik], in: world)
        #expect(written.status == 0, "\(written)")
        let read = try OnepBinary.run(["--host", server.url, "data", "read", "temp", "--device-cik", cik], in: world)
        #expect(read.status == 0 && read.stdout == "temp  42\n", "\(read)")
    }
}
