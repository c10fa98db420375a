import Foundation
import Testing

/// provision sn list / group list --all, and provision sn ranges add|remove.
@Suite struct ProvisionPagingAndRangeTests {
    /// A model with `count` serial numbers added from a file.
    private func fleet(_ shell: ShellFixture, serials count: Int) async throws {
        try await shell.makeFleetModel()
        let file = try shell.write("serials.csv", (1...count).map { String(format: "A%05d", $0) }.joined(separator: "\n"))
        try await shell.setUp("provision sn add fleet --file \(file)")
    }

    @Test func allFetchesEveryPageOfSerialNumbers() async throws {
        let shell = try ShellFixture()
        try await fleet(shell, serials: 2100)
        try await shell.setUp("set timing on", "set format csv")
        let listed = await shell.run("provision sn list fleet --all")
        #expect(listed.status == 0)
        let lines = listed.out.split(separator: "\n")
        #expect(lines.count == 2101 && lines.first == "sn,status,rid,extra" && lines.last == "A02100,,,")
        // Three pages of at most 1000, and no progress bar when standard error is not a terminal.
        #expect(ShellFixture.requests(in: listed.err) == 3)
        #expect(!listed.err.contains("listing"))
        let fromOffset = await shell.run("provision sn list fleet --all --offset 2098")
        #expect(fromOffset.out == "sn,status,rid,extra\nA02099,,,\nA02100,,,\n")
        // Without --all one page comes back.
        #expect(await shell.run("provision sn list fleet").out.split(separator: "\n").count == 1001)
    }

    @Test func allShowsItsProgressOnATerminal() async throws {
        let shell = try ShellFixture { configuration in configuration.showsProgress = true }
        try await fleet(shell, serials: 1500)
        let listed = await shell.run("provision sn list fleet --all")
        #expect(listed.status == 0)
        #expect(listed.err.contains("\rlisting serial numbers 1500"), "\(listed.err)")
    }

    @Test func allRefusesALimit() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let refused = await shell.run("provision sn list fleet --all --limit 5")
        #expect(refused.status == 2)
        #expect(refused.err.hasPrefix("error: provision sn list: --limit cannot go with --all, which reads every page\n"))
    }

    @Test func allFetchesEveryGroup() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        for index in 1...7 { try await shell.setUp("provision group create fleet g\(index) --meta 'wave \(index), north'") }
        let all = await shell.run("set format csv; provision group list fleet --all")
        #expect(all.out.split(separator: "\n").count == 8)
        #expect(all.out.hasSuffix("g7,\"wave 7, north\"\n"), "\(all.out)")
        // The platform's own page holds five groups when no limit is asked for; the shell asks for 1000.
        #expect(await shell.run("set format csv; provision group list fleet --limit 5").out.split(separator: "\n").count == 6)
    }

    @Test func rangesAreAddedShownAndRemoved() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        #expect(await shell.run("provision sn ranges add fleet base10 1000 1999 --length 6").out == "added the range 1000-1999 to fleet\n")
        let mac = await shell.run("provision sn ranges add fleet mac:48 00:1a:2b:00:00:00 00-1A-2B-00-FF-FF --casing lower")
        #expect(mac.status == 0, "\(mac.err)")
        #expect(await shell.run("provision sn ranges add fleet base16 0x0a ff").status == 0)
        let shown = await shell.run("set format csv; provision sn ranges fleet; set format text")
        #expect(
            shown.out == "format,length,casing,first,last\nbase10,6,upper,1000,1999\nmac:48,,lower,112390569984,112390635519\nbase16,,upper,10,255\n")
        #expect(await shell.run("provision sn ranges remove fleet base10 1000 1999 --length 6").out == "removed the range 1000-1999 from fleet\n")
        #expect(await shell.run("set format csv; provision sn ranges fleet; set format text").out.split(separator: "\n").count == 3)
        let unknown = await shell.run("provision sn ranges remove fleet base10 1 2")
        #expect(unknown.status == 1 && unknown.err.contains("404") && unknown.err.contains("the model has no such range"))
    }

    @Test(arguments: [
        ("provision sn ranges add fleet base10 12a 20", "error: provision sn ranges add: FIRST '12a' is not valid, expected decimal digits"),
        ("provision sn ranges add fleet base10 -5 10", "error: provision sn ranges add: FIRST '-5' is not valid, expected decimal digits"),
        ("provision sn ranges add fleet base10 20 10", "error: provision sn ranges add: LAST '10' is not valid, expected a number not below FIRST"),
        ("provision sn ranges add fleet base16 0xzz ff", "error: provision sn ranges add: FIRST '0xzz' is not valid, expected hex digits"),
        (
            "provision sn ranges add fleet mac:48 00:11 11:22:33:44:55:66:77",
            "error: provision sn ranges add: LAST '11:22:33:44:55:66:77' is not valid, expected a MAC address like 00:1a:2b:3c:4d:5e, or up to 12 hex digits"
        ),
        (
            "provision sn ranges add fleet mac:48 0 1 --length 4",
            "error: provision sn ranges add: --length '4' is not valid, expected no length with a MAC format"
        ),
        ("provision sn ranges add fleet base10 1 2 --length 0", "error: provision sn ranges add: --length '0' is not valid, expected 1 to 64"),
        ("provision sn ranges add fleet base8 1 2", "error: provision sn ranges add: FORMAT 'base8' is not valid"),
        ("provision sn ranges remove fleet base10 1", "error: provision sn ranges remove: missing LAST"),
        ("provision sn ranges add fleet base10 1 2 --casing title", "error: provision sn ranges add: --casing 'title' is not valid"),
    ])
    func badRangesAreOneLineUsageErrors(line: String, message: String) async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let result = await shell.run(line)
        #expect(result.status == 2)
        #expect(result.err.hasPrefix(message), "\(result.err)")
        #expect(result.err.split(separator: "\n").first.map { !$0.contains("\n") } == true)
    }
}
