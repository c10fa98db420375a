import Foundation
import OneP
import OnePCSV
import OnePJSON
import Testing

/// Over HTTP: the activation log's peer address, `nocomments`, a second content upload, and CSV
/// answers whose free text holds commas, quotes and line breaks.
@Suite struct ProvisionClientGapTests {
    @Test func theActivationLogNamesThePeerOfTheConnection() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            _ = try await client.serialNumberAdd(model: "m1", sn: "s1")
            _ = try await client.serialNumberEnable(model: "m1", sn: "s1", owner: env.rootRID)
            let device = client.with(auth: nil)
            #expect(try await device.activate(vendor: env.vendor, model: "m1", sn: "s1").status == 200)
            try await device.shutdown()
            let log = try await client.serialNumberLog(model: "m1", sn: "s1").rows
            #expect(log.count == 2)
            #expect(log.map { $0[1] } == ["127.0.0.1", "127.0.0.1"])
            #expect(log.last?[2] == "model=m1&vendor=\(env.vendor)&sn=s1")
        }
    }

    @Test func nocommentsKeepsTheTemplatesCommentsOutOfEnabledClients() async throws {
        try await ProvisionServerFixture.run(throwsOnError: true) { env in
            let client = env.client
            let template = try await env.template()
            try await env.withRPC { rpc in
                let listing = try await rpc.call(.listing(.rid(template), types: [.dataport]))
                let port = try #require(listing?["dataport"]?[0]?.stringValue)
                _ = try await rpc.call(.comment(.rid(port), .public, "thermometer"))
            }
            _ = try await client.modelCreate("keeps", template: .rid(template))
            _ = try await client.modelCreate("bare", template: .rid(template), options: ModelOptions(noComments: true))
            #expect(try await client.modelInfo("bare").text == "rid=\(template)&options[]=nocomments")
            var comments: [String: JSON] = [:]
            for model in ["keeps", "bare"] {
                _ = try await client.serialNumberAdd(model: model, sn: "s1")
                let copy = try await client.serialNumberEnable(model: model, sn: "s1", owner: env.rootRID).text
                comments[model] = try await env.withRPC { rpc in
                    let listing = try await rpc.call(.listing(.rid(copy), types: [.dataport]))
                    let port = try #require(listing?["dataport"]?[0]?.stringValue)
                    return try await rpc.call(.info(.rid(port), options: [.comments]))?["comments"]
                }
            }
            #expect(comments["keeps"] == [["public", "thermometer"]])
            #expect(comments["bare"] == [])
        }
    }

    @Test func aSecondUploadConflictsAndTheConnectionStaysUsable() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            _ = try await client.contentCreate(model: "m1", id: "fw")
            #expect(try await client.contentUpload(model: "m1", id: "fw", bytes: Array("one".utf8), contentType: "text/plain").status == 205)
            let big = [UInt8](repeating: 7, count: 1_000_000)
            let again = try await client.contentUpload(model: "m1", id: "fw", bytes: big, contentType: "text/plain")
            #expect(again.status == 409)
            #expect(again.text.contains("delete it and create it again"))
            #expect(try await client.contentDownload(model: "m1", id: "fw").text == "one")
            #expect(try await client.contentDelete(model: "m1", id: "fw").status == 205)
            _ = try await client.contentCreate(model: "m1", id: "fw")
            #expect(try await client.contentUpload(model: "m1", id: "fw", bytes: big, contentType: "text/plain").status == 205)
            #expect(try await client.contentDownload(model: "m1", id: "fw").body == big)
        }
    }

    @Test func csvAnswersRoundTripFreeText() async throws {
        try await ProvisionServerFixture.run(throwsOnError: true) { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            let awkward = "a,b \"c\"\nd"
            _ = try await client.serialNumberAdd(model: "m1", withExtra: [("s1", awkward), ("s,2", "plain"), ("s3", "")])
            #expect(try await client.serialNumberList(model: "m1").rows == [["s1", "", awkward], ["s,2", "", "plain"], ["s3", "", ""]])
            #expect(try await client.serialNumberInfo(model: "m1", sn: "s1").rows == [["unused", "", awkward]])
            _ = try await client.contentCreate(model: "m1", id: "fw", meta: "v1, \"beta\"")
            #expect(try await client.contentInfo(model: "m1", id: "fw").rows.first?[3] == "v1, \"beta\"")
            _ = try await client.groupCreate(model: "m1", id: "g1", meta: "wave 1, north")
            _ = try await client.groupAddMembers(model: "m1", id: "g1", members: [("sn", "s,2", 0, "x,y")])
            #expect(try await client.groupList(model: "m1").rows == [["g1", "wave 1, north"]])
            #expect(try await client.groupInfo(model: "m1", id: "g1").rows == [["wave 1, north", "1"]])
            #expect(try await client.groupMembers(model: "m1", id: "g1").rows == [["sn", "s,2", "0", "x,y"]])
            _ = try await client.groupRemoveMembers(model: "m1", id: "g1", members: [("sn", "s,2")])
            #expect(try await client.groupInfo(model: "m1", id: "g1").rows == [["wave 1, north", "0"]])
            _ = try await client.serialNumberRemoveListed(model: "m1", sns: ["s,2"])
            #expect(try await client.serialNumberList(model: "m1").rows.map { $0[0] } == ["s1", "s3"])
        }
    }

    @Test func csvTextReadsWhatItWrites() {
        let records = [["plain", "", "a,b"], ["say \"hi\"", "two\nlines", "x"], ["end"]]
        #expect(CSVCodec.records(CSVCodec.text(records)) == records)
        #expect(CSVCodec.text(records) == "plain,,\"a,b\"\n\"say \"\"hi\"\"\",\"two\nlines\",x\nend")
        // Blank lines are skipped, CRLF ends a record, and a quote inside a bare field is kept.
        #expect(CSVCodec.records("a,b\r\n\r\nc\"d,e\n") == [["a", "b"], ["c\"d", "e"]])
    }
}
