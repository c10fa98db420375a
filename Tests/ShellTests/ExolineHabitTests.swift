import Foundation
import Testing

/// The smaller exoline habits: synonyms, drop --all-children, lookup --cik, keys show and clean.
@Suite struct ExolineHabitTests {
    @Test func listingAndTweeAreSynonymsListedInHelp() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/temp --format integer")
        let ls = await shell.run("ls dev").out
        let tree = await shell.run("tree").out
        #expect(await shell.run("listing dev").out == ls)
        #expect(await shell.run("twee").out == tree)
        #expect(await shell.run("help ls").out.contains("listing"))
        #expect(await shell.run("help tree").out.contains("twee"))
    }

    @Test func dropAllChildrenKeepsTheClientsAndCostsTwoRequests() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev", "create dataport dev/a --format integer", "create dataport dev/b --format integer", "create client dev/sub",
            "create client other", "create dataport other/c --format integer", "create dataport keep --format integer", "set timing on")
        let result = await shell.run("drop dev other --all-children --yes")
        #expect(result.out == "dropped 4 resources\n", "\(result)")
        #expect(ShellFixture.requests(in: result.err) == 2)
        try await shell.setUp("set timing off")
        #expect(await shell.run("ls").out == "keep\ndev/\nother/\n")
        #expect(await shell.run("ls dev").out == "")
        let notClient = await shell.run("drop keep --all-children --yes")
        #expect(notClient.status == 1 && notClient.err.contains("'/keep' is not a client"), "\(notClient)")
    }

    @Test func lookupCIKNamesTheClientItBelongsTo() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev")
        let dev = await FindTests.rid(shell, "dev")
        let cik = await shell.run("info dev --include key").out.split(whereSeparator: { !$0.isHexDigit }).first { $0.count == 40 }.map(String.init)
        let key = try #require(cik)
        #expect(await shell.run("lookup --cik \(key)").out == "\(dev)\n")
        try await shell.setUp("keys add devkey \(key)")
        #expect(await shell.run("lookup --cik devkey").out == "\(dev)\n")
        let wrong = await shell.run("lookup --cik \(String(repeating: "0", count: 40))")
        #expect(wrong.status != 0)
    }

    @Test func keysShowMasksUnlessRevealAndCleanForgetsRejectedKeys() async throws {
        let shell = try ShellFixture()
        let bogus = String(repeating: "ab", count: 20)
        try await shell.setUp("keys add root \(shell.rootCIK)", "keys add gone \(bogus)")
        let shown = await shell.run("keys show root")
        #expect(shown.out.contains("cik: \(shell.rootCIK.prefix(4))****"), "\(shown)")
        #expect(!shown.out.contains(shell.rootCIK))
        #expect(await shell.run("keys show root --reveal").out.contains(shell.rootCIK))
        #expect(await shell.run("keys show nosuch").status != 0)
        #expect(await shell.run("keys clean").out == "removed key gone\n")
        #expect(await shell.run("keys").out.contains("root"))
        #expect(!(await shell.run("keys").out.contains("gone")))
        #expect(await shell.run("keys clean").out == "every key is accepted\n")
    }
}
