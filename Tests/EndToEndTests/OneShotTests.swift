import Foundation
import Testing

/// `onep --version`, and outer flags given after the command of a one-shot run.
@Suite("One-shot runs")
struct OneShotTests {
    @Test func versionIsPrintedOutsideAndInsideTheShell() throws {
        let world = try IsolatedEnvironment()
        let outside = try OnepBinary.run(["--version"], in: world)
        #expect(outside.status == 0, "\(outside)")
        #expect(outside.stdout.hasPrefix("onep "), "\(outside)")
        let inside = try OnepBinary.run(["version"], in: world)
        #expect(inside.status == 0, "\(inside)")
        #expect(inside.stdout == outside.stdout)
    }

    @Test func outerFlagsMayFollowTheCommand() throws {
        let world = try IsolatedEnvironment()
        let after = try OnepBinary.run(["read", "demo/temperature", "--format", "json", "--limit", "1"], in: world)
        #expect(after.status == 0, "\(after)")
        #expect(after.stdout.hasPrefix("[{\"timestamp\":"), "\(after)")
        let inline = try OnepBinary.run(["read", "demo/temperature", "--format=csv"], in: world)
        #expect(inline.stdout.hasPrefix("timestamp,temperature\n"), "\(inline)")
        // A command's own option of the same name stays the command's.
        let created = try OnepBinary.run(["create", "dataport", "level", "--format", "integer", "--format", "json"], in: world)
        #expect(created.status == 0, "\(created)")
        let info = try OnepBinary.run(["info", "level", "--include", "description", "--format", "json"], in: world)
        #expect(info.stdout.contains("\"format\":\"integer\""), "\(info)")
    }
}
