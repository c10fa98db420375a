import Foundation
import Testing

/// provision model commands, through the shell against the embedded platform.
@Suite struct ProvisionModelTests {
    @Test func createListInfoUpdateDelete() async throws {
        let shell = try ShellFixture()
        let rid = await shell.run("create client tmpl").out.trimmingCharacters(in: .whitespacesAndNewlines)
        let rid2 = await shell.run("create client tmpl2").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(await shell.run("provision model create fleet tmpl --no-aliases").out == "created model fleet\n")
        #expect(await shell.run("provision model list").out == "model\nfleet\n")
        let info = await shell.run("provision model info fleet")
        #expect(info.out.contains("fleet  \(rid)  noaliases"), "\(info.out)")
        #expect(await shell.run("provision model update fleet tmpl2 --no-historical").out == "updated model fleet\n")
        #expect(await shell.run("provision model info fleet").out.contains("fleet  \(rid2)  nohistorical"))
        #expect(await shell.run("provision model delete fleet").out == "deleted model fleet\n")
        #expect(await shell.run("provision model list").out == "model\n")
    }

    @Test func outputInJSONAndCSV() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        #expect(await shell.run("set format json; provision model list").out == "[{\"model\":\"fleet\"}]\n")
        #expect(await shell.run("set format csv; provision model list").out == "model\nfleet\n")
        #expect(await shell.run("set format json; provision model delete fleet").out.contains("\"status\":\"ok\""))
    }

    @Test func aModelNeedsExactlyOneTemplate() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client tmpl")
        let none = await shell.run("provision model create fleet")
        #expect(none.status == 2 && none.err.hasPrefix("error: provision model create: missing TEMPLATE or --code"))
        let both = await shell.run("provision model create fleet tmpl --code abc")
        #expect(both.status == 1 && both.err == "error: provision model create: give TEMPLATE or --code, not both\n")
        let missing = await shell.run("provision model create fleet nosuch")
        #expect(missing.status == 1 && missing.err.hasPrefix("error: 'nosuch' not found here"))
    }

    @Test func refusalsAreOneLineWithAHint() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let duplicate = await shell.run("provision model create fleet tmpl")
        #expect(duplicate.status == 1)
        #expect(duplicate.err.hasPrefix("error: POST /provision/manage/model/ answered 409 Conflict"))
        #expect(duplicate.err.hasSuffix("model fleet already exists: pick another name or delete it first\n"))
        let unknown = await shell.run("provision model info nosuch")
        #expect(unknown.status == 1 && unknown.err.contains("404 Not Found") && unknown.err.contains("'provision model list'"))
        #expect(await shell.run("provision model list").status == 0)
    }

    @Test func sharingWithAnotherVendor() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let other = try await shell.makeClient("other")
        try await shell.setUp("auth \(other.cik)", "provision vendor register othervendor", "auth \(shell.rootCIK)")
        #expect(await shell.run("provision model share fleet othervendor").out == "shared model fleet with othervendor\n")
        #expect(await shell.run("provision model unshare fleet othervendor").out == "stopped sharing model fleet with othervendor\n")
        let again = await shell.run("provision model unshare fleet othervendor")
        #expect(again.status == 1 && again.err.contains("404"))
        #expect(await shell.run("provision model list --shared").out == "vendor  model\n")
    }

    @Test func incompleteCommandsNameTheirChoices() async throws {
        let shell = try ShellFixture()
        let bare = await shell.run("provision")
        #expect(bare.status == 2)
        #expect(bare.err.hasPrefix("error: 'provision' needs a subcommand; choose one of: auth, vendor, token, model, sn, content, group"))
        let group = await shell.run("provision sn")
        #expect(group.status == 2 && group.err.hasPrefix("error: 'provision sn' needs a subcommand; choose one of: list, info, log, add"))
        let wrong = await shell.run("provision model frob")
        #expect(wrong.status == 2 && wrong.err.hasPrefix("error: 'provision model' has no subcommand 'frob'"))
        let help = await shell.run("help provision sn add")
        #expect(help.status == 0 && help.out.contains("--file"))
    }
}
