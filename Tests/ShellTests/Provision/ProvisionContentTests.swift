import Foundation
import Testing

/// provision content and group commands.
@Suite struct ProvisionContentTests {
    @Test func createUploadInfoDownloadDelete() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let bytes = (0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 11) }
        let source = try shell.write("firmware.bin", "")
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        #expect(await shell.run("provision content create fleet fw --meta 'v1, stable'").out == "created content fw\n")
        #expect(await shell.run("provision content upload fleet fw \(source)").out == "uploaded 700000 bytes to fw\n")
        let info = await shell.run("provision content info fleet fw")
        #expect(info.out.contains("fw  application/octet-stream  700000  \(ShellFixture.start)  v1, stable  false"), "\(info.out)")
        #expect(await shell.run("provision content list fleet").out == "id\nfw\n")

        let target = source + ".out"
        #expect(await shell.run("provision content download fleet fw \(target)").out == "downloaded 700000 bytes of fw to \(target)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        #expect(await shell.run("provision content download fleet fw \(target) --range bytes=10-19").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes[10..<20]))

        #expect(await shell.run("provision content delete fleet fw").out == "deleted content fw\n")
        #expect(await shell.run("provision content list fleet").out == "id\n")
    }

    @Test func uploadsShowProgressOnATerminal() async throws {
        let shell = try ShellFixture { configuration in configuration.showsProgress = true }
        try await shell.makeFleetModel()
        let source = try shell.write("big.bin", String(repeating: "x", count: 600_000))
        try await shell.setUp("provision content create fleet big")
        let upload = await shell.run("provision content upload fleet big \(source) --type text/plain")
        #expect(upload.err.contains("uploading big [") && upload.err.contains("100%"))
        let download = await shell.run("provision content download fleet big \(source).copy")
        #expect(download.err.contains("downloading big [") && download.err.contains("100%"))
        #expect(await shell.run("provision content info fleet big").out.contains("text/plain"))
    }

    @Test func contentRefusalsAndBadFiles() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision content create fleet fw")
        let missing = await shell.run("provision content upload fleet fw /nonexistent/fw.bin")
        #expect(missing.status == 1 && missing.err == "error: /nonexistent/fw.bin cannot be read: check the path\n")
        let duplicate = await shell.run("provision content create fleet fw")
        #expect(duplicate.status == 1 && duplicate.err.contains("409"))
        let unknown = await shell.run("provision content info fleet nosuch")
        #expect(unknown.status == 1 && unknown.err.contains("404"))
        let unwritable = await shell.run("provision content download fleet fw /nonexistent/dir/fw.bin")
        #expect(unwritable.status == 1 && unwritable.err.hasPrefix("error: cannot create /nonexistent/dir/fw.bin"), "\(unwritable.err)")
    }

    @Test func protectedContentFollowsGroups() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision sn add fleet A B", "provision content create fleet secret --protected")
        #expect(await shell.run("provision content info fleet secret").out.contains("true"))
        #expect(await shell.run("provision content list fleet --sn A").out == "id\n")
        #expect(await shell.run("provision group create fleet beta --meta 'beta, wave 1'").out == "created group beta\n")
        #expect(await shell.run("provision group add fleet beta A").out == "added 1 member to beta\n")
        #expect(await shell.run("provision group add fleet beta secret --type content").out == "added 1 member to beta\n")
        #expect(await shell.run("provision content list fleet --sn A").out == "id\nsecret\n")
        #expect(await shell.run("provision group list fleet").out == "id    meta\nbeta  beta, wave 1\n")
        #expect(await shell.run("provision group info fleet beta").out == "id    meta          members\nbeta  beta, wave 1        2\n")
        let members = await shell.run("provision group members fleet beta")
        #expect(members.out.contains("sn       A") && members.out.contains("content  secret"), "\(members.out)")
        #expect(await shell.run("provision group members fleet beta --type sn").out == "type  id  expire  meta\nsn    A        0\n")
        #expect(await shell.run("provision group remove fleet beta A").out == "removed 1 member from beta\n")
        #expect(await shell.run("provision content list fleet --sn A").out == "id\n")
        #expect(await shell.run("provision group delete fleet beta").out == "deleted group beta\n")
        #expect(await shell.run("provision group list fleet").out == "id  meta\n")
    }

    @Test func groupBadInput() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let type = await shell.run("provision group add fleet g A --type device")
        #expect(
            type.status == 2 && type.err.hasPrefix("error: provision group add: --type 'device' is not valid, expected one of sn, content, group"))
        let noMembers = await shell.run("provision group add fleet g")
        #expect(noMembers.status == 2 && noMembers.err.hasPrefix("error: provision group add: missing MEMBER"))
        let unknown = await shell.run("provision group info fleet nosuch")
        #expect(unknown.status == 1 && unknown.err.contains("404"))
        let paging = await shell.run("provision group list fleet --offset -1")
        #expect(paging.status == 2 && paging.err.contains("--offset '-1' is not valid, expected 0 or more"))
    }
}
