import Shell
import OnePJSON
import Testing

@Suite struct FormatTests {
    @Test func platformRefusalIsOneLineWithAHint() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport count --format integer")
        let result = await shell.run("write count lots")
        #expect(result.status == 1)
        #expect(result.err == "error: write: VALUE 'lots' is not a number: 'count' is an integer dataport\n")
    }

    @Test func everyCommandPrintsOneJSONDocument() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev --alias d", "set format json")
        let listing = try JSON(parsing: await shell.run("ls").out)
        #expect(listing[0]?["name"] == "dev")
        #expect(listing[0]?["alias"] == "d")
        #expect(listing[0]?["type"] == "client")
        let whoami = try JSON(parsing: await shell.run("whoami").out)
        #expect(whoami[0]?["auth"] == "a CIK")
        #expect(whoami[0]?["path"] == "/")
        let pwd = try JSON(parsing: await shell.run("cd d; pwd").out)
        #expect(pwd[0]?["path"] == "/d")
        let settings = try JSON(parsing: await shell.run("set").out)
        #expect(settings.arrayValue?.count == 9)
        try await shell.setUp("set format csv")
        #expect(await shell.run("cd /; ls").out.hasPrefix("name,type,format,alias,rid\ndev,client,,d,"))
    }

    @Test func preprocessAndSubscribeThroughCreate() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport raw --format float", #"create dataport doubled --format float --preprocess [["mul",2]] --subscribe raw"#,
            "write doubled 5")
        #expect(await shell.run("read doubled").out == "timestamp   doubled\n1700000000  10.0\n")
        let raw = try JSON(parsing: await shell.run("info raw --include basic").out)
        #expect(raw["basic"]?["type"] == "dataport")
        let description = try JSON(parsing: await shell.run("info doubled --include description").out)["description"]
        #expect(description?["subscribe"]?.stringValue?.count == 40)
        #expect(await shell.run("create dataport x --subscribe nothere").status == 1)
    }

    @Test func recordFromStandardInput() async throws {
        let shell = try ShellFixture { $0.standardInputLines = { TextLines(text: "1,1\n2,2\n\n3,3") } }
        try await shell.setUp("create dataport a --format integer")
        #expect(await shell.run("record a -").out == "recorded 3 points\n")
        #expect(await shell.run("record a --file -").out == "recorded 3 points\n")
        #expect(await shell.run("read a --limit 10 --sort asc").out == "timestamp  a\n1          1\n2          2\n3          3\n")
    }

    @Test func timingCountsRequests() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a", "set timing on")
        let result = await shell.run("read a")
        #expect(result.err.hasPrefix("time: "))
        // Resolving a name that is not an alias: lookup and listing, then the names; then the read.
        #expect(ShellFixture.requests(in: result.err) == 3)
        #expect(ShellFixture.requests(in: await shell.run("set").err) == 0)
    }
}
