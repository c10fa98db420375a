import Foundation
import OnePJSON
import Testing

/// The smaller exoline habits: synonyms, drop --all-children, lookup --cik, keys show and clean,
/// clone from a share code, changing a share's meta.
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

    private func status(_ shell: ShellFixture, _ rid: String) async -> String? {
        let info = await shell.run("info \(rid) --include basic").out
        return (try? JSON(parsing: info))?["basic"]?["status"]?.stringValue
    }

    @Test func cloneActivatesTheCopysCIKUnlessNoActivate() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev --alias dev", "create dataport dev/temp --alias t --format integer", "write dev/t 5")
        try await shell.setUp("set format json")
        let active = try JSON(parsing: await shell.run("clone dev").out)
        let inactive = try JSON(parsing: await shell.run("clone dev --no-activate").out)
        try await shell.setUp("set format text")
        let activeRID = try #require(active["rid"]?.stringValue)
        let inactiveRID = try #require(inactive["rid"]?.stringValue)
        #expect(await status(shell, activeRID) == "activated")
        #expect(await status(shell, inactiveRID) == "notactivated")
        // The printed CIK works at once when activated, and not before.
        let cik = try #require(active["cik"]?.stringValue)
        #expect(await shell.run("auth \(cik)").status == 0)
        #expect(await shell.run("read t").out.contains("5"))
        try await shell.setUp("auth \(shell.rootCIK)")
        let notYet = try #require(inactive["cik"]?.stringValue)
        #expect(await shell.run("auth \(notYet)").status != 0)
    }

    @Test func cloneAcceptsExolinesOptionSpellings() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev --alias dev", "create dataport dev/temp --alias t --format integer", "write dev/t 5")
        try await shell.setUp("set format json")
        let copy = try JSON(parsing: await shell.run("clone dev --noaliases --nohistorical --noactivate").out)
        try await shell.setUp("set format text")
        let rid = try #require(copy["rid"]?.stringValue)
        #expect(await status(shell, rid) == "notactivated")
        // No aliases were copied, so the copy's dataport answers only to its name, and no points came with it.
        #expect(await shell.run("read \(rid)/t").status != 0)
        let read = await shell.run("read \(rid)/temp")
        #expect(read.status == 0 && !read.out.contains("5"), "\(read)")
        let help = await shell.run("help clone").out
        #expect(help.contains("(also --noaliases)") && help.contains("(also --nohistorical)") && help.contains("(also --noactivate)"))
        // A misspelling is still refused and suggests the option's name.
        let refused = await shell.run("clone dev --noalias")
        #expect(refused.status == 2 && refused.err.contains("--no-aliases"), "\(refused)")
    }

    @Test func cloneFromAShareCodeCopiesTheSharedClient() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client owner", "create client owner/dev --alias dev", "create dataport owner/dev/temp --alias t --format integer",
            "write owner/dev/t 9", "create client other")
        let code = await shell.run("share owner/dev").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(code.count == 40)
        try await shell.setUp("cd other")
        let cloned = await shell.run("clone --share \(code) --no-history")
        #expect(cloned.status == 0, "\(cloned)")
        let rid = String(try #require(cloned.out.split(separator: "\n").first).dropFirst("rid: ".count))
        #expect(await shell.run("ls").out == "dev/\n")
        #expect(await shell.run("ls \(rid)").out == "temp\n")
        #expect(await shell.run("read \(rid)/t").status == 0)
        #expect(await status(shell, rid) == "activated")

        // A code someone activated, an unknown code and a wrong form change nothing.
        try await shell.setUp("activate share \(code)")
        let used = await shell.run("clone --share \(code)")
        #expect(used.status == 1 && used.err.hasPrefix("error: clone: no client is shared with that code"), "\(used)")
        let unknown = await shell.run("clone --share \(String(repeating: "0", count: 40))")
        #expect(unknown.status == 1, "\(unknown)")
        #expect(await shell.run("clone --share nonsense").status == 2)
        #expect(await shell.run("clone /owner/dev --share \(code)").status == 2)
        #expect(await shell.run("clone").err.hasPrefix("error: clone: missing SOURCE (or --share CODE)"))
        #expect(await shell.run("ls").out == "dev/\n")
    }

    @Test func shareWithACodeChangesThatSharesMeta() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temp --format integer", "create dataport other --format integer")
        let code = await shell.run("share temp --meta first").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = await shell.run("share temp --meta second --share \(code)")
        #expect(changed.status == 0, "\(changed)")
        let shares = try JSON(parsing: await shell.run("info temp --include shares").out)["shares"]?.arrayValue ?? []
        #expect(shares.count == 1)
        #expect(shares.first?["code"]?.stringValue == code && shares.first?["meta"]?.stringValue == "second", "\(shares)")

        let wrongResource = await shell.run("share other --meta third --share \(code)")
        #expect(wrongResource.status == 1 && wrongResource.err.contains("has no share with that code"), "\(wrongResource)")
        #expect(await shell.run("share temp --share \(code)").status == 2)
        let after = try JSON(parsing: await shell.run("info temp --include shares").out)["shares"]?.arrayValue ?? []
        #expect(after.first?["meta"]?.stringValue == "second")
        #expect(after.count == 1)
    }
}
