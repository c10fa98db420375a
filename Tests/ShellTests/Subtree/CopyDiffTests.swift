import Foundation
import OnePJSON
import Testing

/// `copy` of a subtree to another owner, and `diff` of two subtrees.
@Suite struct CopyDiffTests {
    @Test func copyRemapsReferencesAndDiffFindsNoDifference() async throws {
        let shell = try ShellFixture()
        try await DumpLoadTests.device(shell)
        try await shell.setUp("create client site")
        let copied = await shell.run("copy dev site --data")
        #expect(copied.status == 0, "\(copied)")
        #expect(copied.out.hasPrefix("copied 7 resources and 3 points under /site: "), "\(copied)")
        let same = await shell.run("diff dev site/dev")
        #expect(same.status == 0, "\(same)")
        #expect(same.out == "no differences\n")
        try await shell.setUp("write site/dev/raw 9.5")
        #expect(await shell.run("read site/dev/copy --limit 1").out.hasSuffix("9.5\n"))
        #expect(await shell.run("read dev/copy --limit 1").out.hasSuffix("1.5\n"))
    }

    @Test func diffListsAddedRemovedAndChangedAndExitsOne() async throws {
        let shell = try ShellFixture()
        try await DumpLoadTests.device(shell)
        try await shell.setUp(
            "create client site", "copy dev site", "drop site/dev/sub --yes", "update site/dev/scaled --retention-count 9",
            "create dataport site/dev/extra --format integer")
        let result = await shell.run("diff dev site/dev")
        #expect(result.status == 1)
        #expect(result.out.hasPrefix("--- dev\n+++ site/dev\n"), "\(result.out)")
        #expect(result.out.contains("  scaled  dataport\n-   retention.count: 5\n+   retention.count: 9\n"), "\(result.out)")
        #expect(result.out.contains("+ extra  dataport\n"), "\(result.out)")
        #expect(result.out.contains("- sub  client\n"), "\(result.out)")
        try await shell.setUp("set format json")
        let rows = try JSON(parsing: await shell.run("diff dev site/dev").out).arrayValue ?? []
        #expect(rows.contains { $0["change"] == "added" && $0["path"] == "extra" && $0["type"] == "dataport" })
    }

    @Test func copyingAClientIntoItsOwnSubtreeIsRefused() async throws {
        let shell = try ShellFixture()
        try await DumpLoadTests.device(shell)
        let result = await shell.run("copy dev dev/sub")
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").count == 1)
        #expect(result.err.contains("its own subtree"), "\(result.err)")
        #expect(await shell.run("ls dev/sub").out == "note\n")
    }

    @Test func diffAgainstADumpFile() async throws {
        let shell = try ShellFixture()
        try await DumpLoadTests.device(shell)
        let path = shell.file("dev.json")
        try await shell.setUp("dump dev --file \(path)")
        #expect(await shell.run("diff dev \(path)").out == "no differences\n")
        try await shell.setUp("update dev/raw --meta changed")
        let changed = await shell.run("diff dev \(path)")
        #expect(changed.status == 1)
        #expect(changed.out.contains("  raw  dataport\n-   meta: changed\n+   meta: {\"unit\":\"C\"}\n"), "\(changed.out)")
    }
}
