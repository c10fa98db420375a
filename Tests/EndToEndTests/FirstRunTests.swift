import Foundation
import Testing

/// The embedded platform: where it lives, and the demo its first start creates.
@Suite("Embedded platform and first run")
struct FirstRunTests {
    @Test func theFirstRunSeedsTheDemoOnce() throws {
        let world = try IsolatedEnvironment()
        let first = try OnepBinary.run(["tree"], in: world)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("demo-device  client  alias: demo"))
        for dataport in ["temperature", "humidity", "status"] {
            #expect(first.stdout.contains("\(dataport)  dataport/"))
        }
        let second = try OnepBinary.run(["tree"], in: world)
        #expect(second.stdout.components(separatedBy: "demo-device").count == 2)
        let points = try OnepBinary.run(["--format", "csv", "read", "demo/temperature", "--limit", "1000", "--start", "-2d"], in: world)
        #expect(points.stdout.split(separator: "\n").count == 145)
    }

    @Test func aPlatformServedFirstIsNotSeeded() throws {
        let world = try IsolatedEnvironment()
        world.variables["ONEP_DATA"] = world.root + "/served"
        do {
            _ = try ServedPlatform(in: world)
        }
        let result = try OnepBinary.run(["ls"], in: world)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("demo"))
    }

    @Test func theDataDirectoryFollowsTheSameRulesAsServe() throws {
        let world = try IsolatedEnvironment()
        world.variables["ONEP_DATA"] = nil
        #expect(try OnepBinary.run(["ls"], in: world).status == 0)
        #expect(world.files(in: "share/onep").contains("onep.sqlite"))
        world.variables["XDG_DATA_HOME"] = nil
        #expect(try OnepBinary.run(["ls"], in: world).status == 0)
        #expect(world.files(in: "home/.local/share/onep").contains("onep.sqlite"))
        #expect(try OnepBinary.run(["--data", world.root + "/chosen", "ls"], in: world).status == 0)
        #expect(world.files(in: "chosen").contains("onep.sqlite"))
    }

    @Test func anUnusableDataDirectoryIsStatus3() throws {
        let world = try IsolatedEnvironment()
        let blocker = try world.file(named: "not-a-directory", containing: "")
        let result = try OnepBinary.run(["--data", blocker + "/inside", "ls"], in: world)
        #expect(result.status == 3, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.contains(blocker))
    }

    @Test func theRootClientIsTheDefaultAndACIKChoosesAnother() throws {
        let world = try IsolatedEnvironment()
        let json = try OnepBinary.run(["--format", "json", "info", "demo", "--include", "key"], in: world)
        #expect(json.status == 0, "\(json)")
        let key = try #require(json.stdout.firstMatch(of: /[0-9a-f]{40}/)).output
        let asDevice = try OnepBinary.run(["--cik", String(key), "ls"], in: world)
        #expect(asDevice.status == 0, "\(asDevice)")
        #expect(asDevice.stdout.contains("temperature"))
        #expect(!asDevice.stdout.contains("demo-device"))
    }
}
