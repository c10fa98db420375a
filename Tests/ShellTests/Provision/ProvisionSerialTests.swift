import Foundation
import Testing

/// provision sn commands: whitelisting, enabling, activating and retiring serial numbers.
@Suite struct ProvisionSerialTests {
    @Test func addOneOrSeveralAndList() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        #expect(await shell.run("provision sn add fleet 0001 --extra 'room 1'").out == "added 1 serial number to fleet\n")
        #expect(await shell.run("provision sn add fleet 0002 0003").out == "added 2 serial numbers to fleet\n")
        let listed = await shell.run("provision sn list fleet")
        #expect(listed.out.hasPrefix("sn    status  rid  extra\n0001               room 1\n0002\n0003\n"), "\(listed.out)")
        #expect(await shell.run("provision sn list fleet --offset 1 --limit 5").out == "sn    status  rid  extra\n0002\n0003\n")
        let info = await shell.run("provision sn info fleet 0001")
        #expect(info.out == "sn    status  rid  extra\n0001  unused       room 1\n", "\(info.out)")
        #expect(await shell.run("set format csv; provision sn info fleet 0001").out == "sn,status,rid,extra\n0001,unused,,room 1\n")
    }

    @Test func addThousandsFromACSVFileInBatches() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let lines = ["sn,extra"] + (1...1200).map { String(format: "SN%05d,batch %d", $0, $0 % 3) }
        let file = try shell.write("serials.csv", lines.joined(separator: "\r\n") + "\r\n")
        try await shell.setUp("set timing on")
        let added = await shell.run("provision sn add fleet --file \(file)")
        #expect(added.status == 0 && added.out == "added 1200 serial numbers to fleet\n")
        // Three batches of at most 500, and no progress bar when standard error is not a terminal.
        #expect(ShellFixture.requests(in: added.err) == 3)
        #expect(!added.err.contains("["))
        let last = await shell.run("set format csv; provision sn list fleet --offset 1195 --limit 5; set format text")
        #expect(last.out.hasSuffix("SN01200,,,batch 0\n"))
        let removed = await shell.run("provision sn remove fleet --file \(file)")
        #expect(removed.out == "removed 1200 serial numbers from fleet\n")
        #expect(await shell.run("provision sn list fleet").out == "sn  status  rid  extra\n")
    }

    @Test func aProgressBarDrawsOnlyWhenAskedFor() async throws {
        let shell = try ShellFixture { configuration in configuration.showsProgress = true }
        try await shell.makeFleetModel()
        let file = try shell.write("serials.csv", (1...1000).map { "P\($0)" }.joined(separator: "\n"))
        let added = await shell.run("provision sn add fleet --file \(file)")
        #expect(added.status == 0)
        #expect(added.err.contains("\radding serial numbers [###############---------------] 50%"))
        #expect(added.err.contains("100%") && added.err.hasSuffix("100%\n"))
    }

    @Test func badFilesAndArguments() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        let missing = await shell.run("provision sn add fleet --file /nonexistent/serials.csv")
        #expect(missing.status == 1 && missing.err == "error: /nonexistent/serials.csv cannot be read: check the path\n")
        let bad = try shell.write("bad.csv", "A1\n,extra only\n")
        let badLine = await shell.run("provision sn add fleet --file \(bad)")
        #expect(badLine.err.hasPrefix("error: \(bad) line 2 has no serial number"))
        let nothing = await shell.run("provision sn add fleet")
        #expect(nothing.status == 2 && nothing.err.hasPrefix("error: provision sn add: missing SN or --file"))
        let limit = await shell.run("provision sn list fleet --limit 0")
        #expect(limit.status == 2 && limit.err.hasPrefix("error: provision sn list: --limit '0' is not valid, expected 1 or more"))
        let notANumber = await shell.run("provision sn list fleet --offset x")
        #expect(notANumber.status == 2 && notANumber.err.hasPrefix("error: provision sn list: --offset 'x' is not valid, expected an integer"))
        let unknownModel = await shell.run("provision sn add nosuch 1")
        #expect(unknownModel.status == 1 && unknownModel.err.contains("404"))
        #expect(await shell.run("provision sn info fleet nosuch").err.contains("404"))
        let remap = await shell.run("provision sn remap fleet A1")
        #expect(remap.status == 2 && remap.err.hasPrefix("error: provision sn remap: missing --from"))
    }

    @Test func enableActivateRegenerateDisable() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("create client customers", "provision sn add fleet 0001 0002")
        let rid = await shell.run("provision sn enable fleet 0001 --owner customers").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rid.count == 40)
        #expect(await shell.run("ls --long customers").out.contains(rid))
        let cik = await shell.run("provision sn activate fleet 0001").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(cik.count == 40)
        #expect(await shell.run("provision sn info fleet 0001").out.contains("0001  activated  \(rid)"))
        let twice = await shell.run("provision sn activate fleet 0001")
        #expect(twice.status == 1 && twice.err.contains("409 Conflict"))
        let log = await shell.run("provision sn log fleet 0001")
        #expect(log.out.contains("\(ShellFixture.start)  local    model=fleet&vendor=\(shell.vendorName)&sn=0001"), "\(log.out)")
        #expect(await shell.run("provision sn log fleet 0001 --timeformat iso8601").out.contains("2023-11-14T22:13:20Z"))

        #expect(await shell.run("provision sn regenerate fleet 0001").out == "regenerated 0001: its device must activate again\n")
        let again = await shell.run("set format json; provision sn activate fleet 0001")
        #expect(again.out.hasPrefix("{\"cik\":\"") && !again.out.contains(cik))
        try await shell.setUp("set format text")
        #expect(await shell.run("provision sn remap fleet 0002 --from 0001").out == "moved the client of 0001 to 0002\n")
        #expect(await shell.run("provision sn info fleet 0002").out.contains(rid))
        #expect(await shell.run("provision sn disable fleet 0002").out == "disabled 0002\n")
        #expect(await shell.run("provision sn info fleet 0002").out.contains("expired"))
        #expect(await shell.run("provision sn remove fleet 0001 0002").out == "removed 2 serial numbers from fleet\n")
    }

    @Test func enableDefaultsToTheCurrentClient() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("create client site", "cd site", "provision sn add fleet 7")
        let rid = await shell.run("provision sn enable fleet 7").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(await shell.run("ls --long").out.contains(rid))
    }

    @Test func rangesShowAsATable() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        #expect(await shell.run("provision sn ranges fleet").out == "format  length  casing  first  last\n")
    }
}
