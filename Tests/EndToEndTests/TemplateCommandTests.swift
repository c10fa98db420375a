import Foundation
import Testing

/// The template commands through the built binary against a real `onep serve`.
@Suite("Template commands over HTTP")
struct TemplateCommandTests {
    @Test func generateApplyCheckAndDiffAgainstAServedPlatform() throws {
        let world = try IsolatedEnvironment()
        let server = try ServedPlatform(in: world)
        world.variables["ONEP_CIK"] = server.rootCIK
        let file = world.root + "/dev.yaml"
        let setup = try OnepBinary.run(
            [
                "--host", server.url, "-c", "create client dev", "-c", "create dataport dev/temp --alias temp --format float",
                "-c", "create dataport dev/f --alias f --format float --subscribe dev/temp", "-c", "template generate dev --file \(file)",
                "-c", "create client twin",
            ], in: world)
        #expect(setup.status == 0, "\(setup)")
        let applied = try OnepBinary.run(["--host", server.url, "template", "apply", "twin", file], in: world)
        #expect(applied.status == 0 && applied.stdout == "created dataport f\ncreated dataport temp\n", "\(applied)")
        let again = try OnepBinary.run(["--host", server.url, "template", "apply", "twin", file], in: world)
        #expect(again.status == 0 && again.stdout == "nothing to change: /twin matches \(file)\n", "\(again)")
        let checked = try OnepBinary.run(["--host", server.url, "template", "check", "twin", file], in: world)
        #expect(checked.status == 0, "\(checked)")
        let same = try OnepBinary.run(["--host", server.url, "diff", "dev", "twin"], in: world)
        #expect(same.status == 0 && same.stdout == "no differences\n", "\(same)")
        let changed = try OnepBinary.run(
            ["--host", server.url, "-c", "update twin/temp --retention-count 3", "-c", "template check twin \(file)"], in: world)
        #expect(changed.status == 1 && changed.stdout.contains("  temp  dataport\n-   retention.count: 3\n"), "\(changed)")
    }
}
