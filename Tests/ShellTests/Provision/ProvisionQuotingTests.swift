import Foundation
import Testing

/// Free text holding commas and quotes survives the trip through the platform's CSV answers; a
/// second upload and a model without comments behave as provision.md says.
@Suite struct ProvisionQuotingTests {
    @Test func extraDataAndMetaKeepTheirCommasAndQuotes() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp(#"provision sn add fleet S1 --extra 'room 1, "north" wing'"#)
        let file = try shell.write("serials.csv", "sn,extra\n\"S,2\",\"a, b\"\nS3,older,unquoted\n")
        try await shell.setUp("provision sn add fleet --file \(file)")
        let json = await shell.run("set format json; provision sn list fleet; set format text")
        #expect(json.out.contains(#""extra":"room 1, \"north\" wing""#), "\(json.out)")
        #expect(json.out.contains(#""sn":"S,2""#) && json.out.contains(#""extra":"a, b""#))
        #expect(json.out.contains(#""extra":"older,unquoted""#))
        let csv = await shell.run("set format csv; provision sn info fleet S1; set format text")
        #expect(csv.out == "sn,status,rid,extra\nS1,unused,,\"room 1, \"\"north\"\" wing\"\n")
        try await shell.setUp("provision group create fleet beta --meta 'wave 1, \"early\"'", "provision group add fleet beta S1 --meta 'x,y'")
        let info = await shell.run("set format csv; provision group info fleet beta; set format text")
        #expect(info.out == "id,meta,members\nbeta,\"wave 1, \"\"early\"\"\",1\n", "\(info.out)")
        #expect(await shell.run("provision group members fleet beta").out == "type  id  expire  meta\nsn    S1       0  x,y\n")
        try await shell.setUp("provision content create fleet fw --meta 'v1, \"rc\"'")
        #expect(await shell.run("provision content info fleet fw").out.contains("  v1, \"rc\"  false"))
    }

    @Test func aSecondUploadIsRefusedWithWhatToDo() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let source = try shell.write("fw.bin", "version one")
        try await shell.setUp("provision content create fleet fw", "provision content upload fleet fw \(source)")
        let again = await shell.run("provision content upload fleet fw \(source)")
        #expect(again.status == 1)
        #expect(again.err.hasPrefix("error: POST /provision/manage/content/fleet/fw answered 409 Conflict: content fw already has its bytes"))
        #expect(again.err.contains("delete it and create it again") && again.err.split(separator: "\n").count == 1)
        try await shell.setUp("provision content delete fleet fw", "provision content create fleet fw", "provision content upload fleet fw \(source)")
    }

    @Test func aModelMayLeaveCommentsBehind() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client tmpl", "create dataport tmpl/temp --format integer", "provision model create bare tmpl --no-comments")
        #expect(await shell.run("provision model info bare").out.hasSuffix("nocomments\n"))
    }
}
