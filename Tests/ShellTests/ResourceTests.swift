import OnePJSON
import Testing

@Suite struct ResourceTests {
    @Test func createWithOptionsAndInfo() async throws {
        let shell = try ShellFixture()
        let created = await shell.run(#"create dataport temp --format integer --meta m1 --retention-count 10 --alias t --json {"public": true}"#)
        #expect(created.status == 0, "\(created.err)")
        #expect(created.out.count == 41)
        let info = await shell.run("info t --include description")
        let description = try JSON(parsing: info.out)["description"]
        #expect(description?["name"] == "temp")
        #expect(description?["format"] == "integer")
        #expect(description?["meta"] == "m1")
        #expect(description?["public"] == true)
        #expect(description?["retention"]?["count"] == 10)
        let excluded = try JSON(parsing: await shell.run("info t --exclude description,key,shares").out)
        #expect(excluded["description"] == nil)
        #expect(excluded["basic"]?["type"] == "dataport")
        try await shell.setUp("set format json")
        let json = try JSON(parsing: await shell.run("create client dev --meta x").out)
        #expect(json["type"] == "client")
        #expect(json["rid"]?.stringValue?.count == 40)
    }

    @Test func createRefusals() async throws {
        let shell = try ShellFixture()
        let noRule = await shell.run("create datarule r").err.split(separator: "\n")
        #expect(noRule.first == "error: create: missing --when KIND (or --rule JSON) for a datarule")
        #expect(noRule.dropFirst().first?.hasPrefix("usage: create client|dataport|datarule|dispatch NAME [--format FORMAT]") == true)
        #expect(noRule.count == 2)
        let badJSON = await shell.run("create dataport x --json '{\"a\":'")
        #expect(badJSON.status == 2)
        #expect(badJSON.err.hasPrefix("error: '{\"a\":' is not valid JSON"))
        #expect(await shell.run("create dataport x --json [1]").status == 2)
        #expect(await shell.run("create gadget x").err.contains("expected one of client, dataport, datarule, dispatch"))
        try await shell.setUp("create dataport x --alias dup")
        let taken = await shell.run("create dataport y --alias dup")
        #expect(taken.status == 1)
        #expect(taken.err.hasPrefix("error: create: 'dup' already names "))
    }

    @Test func updateDropMapUnmapLookup() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temp", "update temp --name renamed --meta hello")
        #expect(await shell.run("ls").out == "renamed\n")
        #expect(await shell.run("update renamed").status == 2)
        try await shell.setUp("map renamed r1")
        let rid = await shell.run("lookup r1").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rid.count == 40)
        #expect(await shell.run("lookup --owner r1").status == 0)
        try await shell.setUp("unmap r1")
        #expect(await shell.run("lookup r1").status == 1)
        #expect(await shell.run("lookup").status == 2)
        try await shell.setUp("drop renamed")
        #expect(await shell.run("ls").out == "")
        #expect(await shell.run("drop /").err == "error: drop: a client cannot drop itself; its owner can\n")
    }

    @Test func rpcEscapeHatch() async throws {
        let shell = try ShellFixture()
        let answer = await shell.run(#"rpc lookup {"alias":""} alias """#)
        #expect(answer.status == 0)
        #expect(answer.out.contains("\"status\": \"ok\""))
        let failed = await shell.run(#"rpc read "0000000000000000000000000000000000000000" {}"#)
        #expect(failed.status == 1)
        #expect(failed.out.contains("\"status\""))
    }

    @Test func failingProcedureIsACommandFailure() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a")
        let result = await shell.run("revoke share 0000000000000000000000000000000000000000")
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("error: revoke failed"))
    }
}
