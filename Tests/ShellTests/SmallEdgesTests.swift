import Foundation
import OnePJSON
import Synchronization
import Testing

@testable import Shell

/// The smaller rough edges a newcomer met: shared resources, the progress bar, `tree --level 0`,
/// paging limits of serial numbers, a second activation.
@Suite struct SmallEdgesTests {
    /// A shell on a platform where `other`, a client under the root, activated a share of the
    /// root's dataport `temperature`; the shell is authenticated as `other`.
    private func sharedSetUp() async throws -> (ShellFixture, rid: String) {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature --alias temperature", "write temperature 21", "create client other")
        let rid = await shell.run("lookup temperature").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let code = await shell.run("share temperature").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try JSON(parsing: await shell.run("info other --include key").out)["key"]?.stringValue ?? ""
        try await shell.setUp("auth \(key)", "activate share \(code)")
        return (shell, rid)
    }

    @Test func resourcesActivatedThroughAShareAreListedAsShared() async throws {
        let (shell, rid) = try await sharedSetUp()
        #expect(rid.count == 40)
        let listed = await shell.run("ls")
        #expect(listed.out.contains("(shared)"), "\(listed)")
        try await shell.setUp("set format json")
        let rows = try JSON(parsing: await shell.run("ls -l").out)
        let entry = rows.arrayValue?.first { $0["rid"]?.stringValue == rid }
        #expect(entry?["shared"] == true, "\(rows)")
        try await shell.setUp("set format text")
        let tree = await shell.run("tree").out
        #expect(tree.contains("\(rid)  (shared)") || tree.contains("(shared)"), "\(tree)")
        // The value can be read by the name ls shows.
        #expect(await shell.run("read \(rid)").out.hasSuffix("21.0\n"))
        // The owner sees who activated it.
        try await shell.setUp("auth \(shell.rootCIK)")
        let shares = try JSON(parsing: await shell.run("info temperature --include shares").out)
        #expect(shares["shares"]?[0]?["activator"]?.stringValue?.count == 40, "\(shares)")
    }

    @Test func theProgressBarEndsWithANewline() {
        let written = Written()
        let bar = ProgressBar(label: "adding", total: 4) { written.append($0) }
        bar.update(2)
        bar.update(4)
        bar.finish()
        #expect(
            written.text.hasSuffix("adding [" + String(repeating: "#", count: ProgressBar.width) + "] 100%\n"), "\(written.text.debugDescription)")
    }

    @Test func treeAtLevelZeroNamesTheNodeAsDeeperLevelsDo() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client demo-device --alias demo", "create dataport demo/temperature")
        let deeper = await shell.run("tree demo --level 1").out.split(separator: "\n").first.map(String.init) ?? ""
        let flat = await shell.run("tree demo --level 0").out
        #expect(flat == deeper + "\n", "\(flat) vs \(deeper)")
        #expect(flat.hasPrefix("demo-device  client"))
    }

    @Test func serialNumberListTakesAnyPositiveLimit() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client tmpl", "provision model create fleet tmpl")
        try await shell.setUp("provision sn add fleet " + (1...12).map { "SN\($0)" }.joined(separator: " "))
        let two = await shell.run("provision sn list fleet --limit 2")
        #expect(two.status == 0, "\(two)")
        #expect(two.out.split(separator: "\n").count == 3)
        #expect(await shell.run("provision sn list fleet --limit 0").status == 2)
    }

    @Test func aSecondActivationSaysTheSerialNumberIsAlreadyActivated() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client tmpl", "provision model create fleet tmpl", "provision sn add fleet TH1", "provision sn enable fleet TH1",
            "provision sn activate fleet TH1")
        let again = await shell.run("provision sn activate fleet TH1")
        #expect(again.status == 1)
        #expect(again.err.contains("TH1 is already activated"), "\(again.err)")
        #expect(again.err.contains("provision sn regenerate"), "\(again.err)")
    }
}

/// What a progress bar wrote, collected.
private final class Written: Sendable {
    private let collected = Mutex("")
    func append(_ text: String) { collected.withLock { $0 += text } }
    var text: String { collected.withLock { $0 } }
}
