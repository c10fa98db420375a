import Foundation
import OnePJSON
import Testing

/// `find`: resources of a subtree by what they are called and hold, printed as paths.
@Suite struct FindTests {
    /// A device with dataports, a script and a sub-client, and a dataport beside it.
    static func device(_ shell: ShellFixture) async throws {
        try await shell.setUp(
            "create client dev", "create dataport dev/temperature --alias temp --format float --meta '{\"unit\":\"C\"}'",
            "create dataport dev/humidity --alias hum --format integer", "create dataport alpha --format string",
            "create datarule dev/doubler --when script --script 'local t = alias[\"temp\"] t.value = 2'", "create client dev/sub",
            "create dataport dev/sub/tempsensor --format integer", "tag dev/humidity add climate")
    }

    /// The RID of the one resource named `name`, found with `find`.
    static func rid(_ shell: ShellFixture, _ name: String) async -> String {
        String(await shell.run("find --name '\(name)' --show rid").out.split(whereSeparator: \.isWhitespace).last ?? "")
    }

    @Test func globsMatchNamesAndAliases() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        #expect(await shell.run("find 'temp*'").out == "dev/temperature\ndev/sub/tempsensor\n")
        #expect(await shell.run("find hum").out == "dev/humidity\n")
        #expect(await shell.run("find --alias 'h?m'").out == "dev/humidity\n")
        #expect(await shell.run("find --name '[a-h]*' --type dataport").out == "alpha\ndev/humidity\n")
        #expect(await shell.run("find --in dev --type client").out == "dev/sub\n")
        #expect(await shell.run("search TEMP* -i").out == "dev/temperature\ndev/sub/tempsensor\n")
        #expect(await shell.run("find 'temp*' --level 2").out == "dev/temperature\n")
        #expect(await shell.run("find --type client").out == "dev\ndev/sub\n")
    }

    @Test func typeFormatMetaScriptTagAndRID() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        #expect(await shell.run("find --format float").out == "dev/temperature\n")
        #expect(await shell.run("find --type datarule,client").out == "dev\ndev/doubler\ndev/sub\n")
        #expect(await shell.run("find --meta unit").out == "dev/temperature\n")
        #expect(await shell.run("find --script 'alias\\[\"temp' --regex").out == "dev/doubler\n")
        #expect(await shell.run("find --tag climate").out == "dev/humidity\n")
        let rid = await Self.rid(shell, "humidity")
        #expect(await shell.run("find --rid \(rid.prefix(12).uppercased())").out == "dev/humidity\n")
    }

    @Test func showChosenFieldsAndJSON() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let rid = await Self.rid(shell, "temperature")
        let shown = await shell.run("find temp --show alias,format,rid")
        #expect(shown.out == "path             alias  format  rid\ndev/temperature  temp   float   \(rid)\n")
        try await shell.setUp("set format json")
        let document = try JSON(parsing: await shell.run("find 'temp*' --show name,type").out)
        #expect(document[1]?["path"] == "dev/sub/tempsensor")
        #expect(document[1]?["type"] == "dataport")
    }

    @Test func nothingMatchingExitsOne() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        let result = await shell.run("find 'nosuch*'")
        #expect(result.status == 1)
        #expect(result.out == "")
        #expect(result.err == "find: no resource matches\n")
    }

    @Test func badInputIsOneLineAndSaysWhatToDo() async throws {
        let shell = try ShellFixture()
        try await Self.device(shell)
        for line in ["find --regex '('", "find --level 0", "find --rid xyz", "find --type thing", "find --in nowhere"] {
            let result = await shell.run(line)
            #expect(result.status != 0, "\(line)")
            #expect(result.err.hasPrefix("error: "), "\(line): \(result.err)")
            #expect(result.err.split(separator: "\n").first?.isEmpty == false, "\(line)")
        }
    }

    @Test func namesWithSlashesAndUnicodeAreFoundByAPathThatResolves() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client dev", "create dataport 'dev/température' --format float", "create dataport dev/x --json '{\"name\": \"a/b\"}' --alias ab")
        #expect(await shell.run("find 'temp*'").out == "dev/température\n")
        #expect(await shell.run("find 'a/*'").out == "dev/ab\n")
        #expect(await shell.run("info dev/ab").status == 0)
    }

    @Test func provisionedClientsByModelAndSerialNumber() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client tmpl", "create dataport tmpl/temp --format integer", "provision model create fleet tmpl", "create client site",
            "provision sn add fleet 0001 0002")
        let rid = await shell.run("provision sn enable fleet 0002 --owner site").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rid.count == 40)
        let found = await shell.run("find --model fleet --show sn,rid")
        #expect(found.out == "path       sn    rid\nsite/tmpl  0002  \(rid)\n", "\(found)")
        #expect(await shell.run("find --sn '000[2-9]'").out == "site/tmpl\n")
        #expect(await shell.run("find --sn 0001").status == 1)
    }

    /// Depth 3, 300 resources: without aliases the requests follow the depth, not the size.
    @Test func requestsGrowWithDepthNotSize() async throws {
        let shell = try ShellFixture()
        var script: [String] = []
        for a in 0..<5 {
            script.append("create client c\(a)")
            for b in 0..<5 {
                script.append("create client c\(a)/d\(b)")
                for p in 0..<10 { script.append("create dataport c\(a)/d\(b)/p\(p) --format integer" + (p == 8 ? " --alias eight" : "")) }
            }
        }
        for extra in 0..<20 { script.append("create dataport top\(extra)") }
        #expect(await shell.runner.runScript(lines: script) == 0)
        try await shell.setUp("set timing on")
        let depth = 3
        let byType = await shell.run("find --type dataport --name 'p[0-4]'")
        #expect(byType.out.split(separator: "\n").count == 125)
        #expect(try #require(ShellFixture.requests(in: byType.err)) <= 2 * depth + 2)
        // Aliases of the clients two levels down are visible only to their owners: one more
        // request per such owner (5 here), sent together.
        let byGlob = await shell.run("find 'eigh?'")
        #expect(byGlob.out.split(separator: "\n").count == 25)
        #expect(try #require(ShellFixture.requests(in: byGlob.err)) <= 2 * depth + 2 + 5)
        // One alias by name is looked up in every client, in the requests the walk sends anyway.
        for line in ["find p9", "find eight", "find --alias eight --type dataport"] {
            let literal = await shell.run(line)
            #expect(literal.out.split(separator: "\n").count == 25, "\(line): \(literal)")
            #expect(try #require(ShellFixture.requests(in: literal.err)) <= 2 * depth + 2, "\(line): \(literal.err)")
        }
        try await shell.setUp("set timing off")
        #expect(await shell.run("find eight").out == byGlob.out)
        #expect(await shell.run("find eight --show alias").out.contains("c4/d4/p8  eight"))
        #expect(await shell.run("find --alias p8").status == 1)
    }
}
