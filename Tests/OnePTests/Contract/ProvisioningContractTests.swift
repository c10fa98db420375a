import Foundation
import OnePJSON
import Testing

/// clients.md "Provisioning details": the headers, forms and answers of provisioning as pyonep sends them.
@Suite struct ProvisioningContractTests {
    /// A model `m1` whose template is a fresh client; answers the template's RID.
    @discardableResult
    private func model(_ env: ContractServer) async throws -> String {
        let template = try await env.client("template")
        let created = try await env.postForm("/provision/manage/model/", "model=m1&rid=\(template.rid)", headers: [env.vendorHeader])
        #expect(created.status == 205)
        return template.rid
    }

    /// Adds `sn`, enables it under root and answers the new client's RID.
    private func enabled(_ env: ContractServer, _ sn: String) async throws -> String {
        #expect(try await env.postForm("/provision/manage/model/m1/", "sn=\(sn)", headers: [env.vendorHeader]).status == 205)
        let enable = try await env.postForm("/provision/manage/model/m1/\(sn)", "enable=true&owner=\(env.rootRID)", headers: [env.vendorHeader])
        #expect(enable.status == 200)
        return enable.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func activate(_ env: ContractServer, _ sn: String) async throws -> RawResponse {
        try await env.postForm(
            "/provision/activate", "vendor=\(env.vendor)&model=m1&sn=\(sn)", headers: ["X-Exosite-CIK: ", "X-Exosite-Token: "])
    }

    @Test func vendorAuthIsATokenOrAVendorCIK() async throws {
        try await ContractServer.run { env in
            try await model(env)
            #expect(try await env.get("/provision/manage/model/", headers: [env.vendorHeader]).status == 200)
            #expect(try await env.get("/provision/manage/model/", headers: ["X-Exosite-CIK: \(env.rootCIK)"]).status == 200)
            let badToken = try await env.get("/provision/manage/model/", headers: ["X-Exosite-Token: 0000000000000000000000000000000000000000"])
            #expect(badToken.status == 401)
            let none = try await env.get("/provision/manage/model/")
            #expect(none.status == 401)
            let stranger = try await env.client("stranger")
            let notAVendor = try await env.get("/provision/manage/model/", headers: ["X-Exosite-CIK: \(stranger.cik)"])
            #expect(notAVendor.status == 403)
        }
    }

    @Test func mutationsAnswer205EmptyAndReadsAnswerCSVOr204() async throws {
        try await ContractServer.run { env in
            try await model(env)
            let empty = try await env.get("/provision/manage/model/m1/", headers: [env.vendorHeader])
            #expect(empty.status == 204)
            let added = try await env.postForm("/provision/manage/model/m1/", "sn=s1", headers: [env.vendorHeader])
            #expect(added.status == 205)
            #expect(added.body.isEmpty)
            let listed = try await env.get("/provision/manage/model/m1/", headers: [env.vendorHeader])
            #expect(listed.status == 200)
            #expect(listed.headers["content-type"]?.hasPrefix("text/csv") == true)
            #expect(listed.text.hasPrefix("s1,"))
        }
    }

    @Test func conflictsAnswer409AndUnknownModelsOrSerialNumbers404() async throws {
        try await ContractServer.run { env in
            let template = try await model(env)
            let again = try await env.postForm("/provision/manage/model/", "model=m1&rid=\(template)", headers: [env.vendorHeader])
            #expect(again.status == 409)
            #expect(try await env.get("/provision/manage/model/nope/", headers: [env.vendorHeader]).status == 404)
            #expect(try await env.get("/provision/manage/model/m1/nope", headers: [env.vendorHeader]).status == 404)
            #expect(try await env.postForm("/provision/manage/model/m1/", "sn=s1", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm("/provision/manage/model/m1/", "sn=s1", headers: [env.vendorHeader]).status == 409)
            let enable = "enable=true&owner=\(env.rootRID)"
            #expect(try await env.postForm("/provision/manage/model/m1/s1", enable, headers: [env.vendorHeader]).status == 200)
            #expect(try await env.postForm("/provision/manage/model/m1/s1", enable, headers: [env.vendorHeader]).status == 409)
            #expect(try await activate(env, "unknown").status == 404)
            let unknownModel = try await env.postForm("/provision/activate", "vendor=\(env.vendor)&model=nope&sn=s1", headers: ["X-Exosite-CIK: "])
            #expect(unknownModel.status == 404)
        }
    }

    @Test func serialNumbersArriveInEveryOldAddAndRemoveForm() async throws {
        try await ContractServer.run { env in
            try await model(env)
            let path = "/provision/manage/model/m1/"
            #expect(try await env.postForm(path, "add=true&sn=a1", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm(path, "add=true&sn%5B%5D=b1&sn%5B%5D=b2", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm(path, "add=true&sn[]=c1&sn[]=c2", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm(path, "sn[]=d1&sn[]=d2", headers: [env.vendorHeader]).status == 205)
            let csv = try await env.postForm(path, "e1,first\ne2,second\n", headers: [env.vendorHeader], contentType: "text/csv; charset=utf-8")
            #expect(csv.status == 205)
            #expect(try await listed(env) == ["a1", "b1", "b2", "c1", "c2", "d1", "d2", "e1", "e2"])
            #expect(try await env.get("/provision/manage/model/m1/e2", headers: [env.vendorHeader]).text.hasSuffix("second"))
            #expect(try await env.postForm(path, "remove=true&sn[]=a1&sn[]=b1", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm(path, "delete=true&sn[]=b2", headers: [env.vendorHeader]).status == 205)
            #expect(try await env.postForm(path, "delete=true&sn=c1", headers: [env.vendorHeader]).status == 205)
            #expect(try await listed(env) == ["c2", "d1", "d2", "e1", "e2"])
        }
    }

    private func listed(_ env: ContractServer) async throws -> [String] {
        let text = try await env.get("/provision/manage/model/m1/", headers: [env.vendorHeader]).text
        return text.split(whereSeparator: \.isNewline).map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }.sorted()
    }

    @Test func rangesAreShownAsABareJSONList() async throws {
        try await ContractServer.run { env in
            try await model(env)
            let body = #"{"ranges":[{"format":"mac:48","casing":"upper","first":1,"last":255}]}"#
            let added = try await env.postForm(
                "/provision/manage/model/m1/", body, headers: [env.vendorHeader], contentType: "application/javascript; charset=utf-8")
            #expect(added.status == 205)
            let shown = try await env.get("/provision/manage/model/m1/?show=ranges", headers: [env.vendorHeader])
            #expect(shown.status == 200)
            let ranges = try JSON(parsing: shown.body)
            #expect(ranges == [["format": "mac:48", "length": .null, "casing": "upper", "first": 1, "last": 255]])
        }
    }

    @Test func serialNumberStatusGoesFromUnusedThroughActivatedToExpiredOrOrphaned() async throws {
        try await ContractServer.run { env in
            try await model(env)
            #expect(try await env.postForm("/provision/manage/model/m1/", "sn=s1", headers: [env.vendorHeader]).status == 205)
            let unused = try await env.get("/provision/manage/model/m1/s1", headers: [env.vendorHeader]).text
            #expect(unused.hasPrefix("unused,"))
            let enable = try await env.postForm("/provision/manage/model/m1/s1", "enable=true&owner=\(env.rootRID)", headers: [env.vendorHeader])
            let rid = enable.text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(rid.count == 40)
            #expect(try await status(env, "s1") == ["notactivated", rid, ""])
            #expect(try await activate(env, "s1").status == 200)
            #expect(try await status(env, "s1") == ["activated", rid, ""])
            #expect(try await env.postForm("/provision/manage/model/m1/s1", "disable=true", headers: [env.vendorHeader]).status == 205)
            #expect(try await status(env, "s1")[0] == "expired")
            let orphan = try await enabled(env, "s2")
            _ = try await env.ok("drop", [.string(orphan)])
            #expect(try await status(env, "s2")[0] == "orphaned")
        }
    }

    private func status(_ env: ContractServer, _ sn: String) async throws -> [String] {
        let text = try await env.get("/provision/manage/model/m1/\(sn)", headers: [env.vendorHeader]).text
        return text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theLogAnswersTimestampConnectionAndEntryLines() async throws {
        try await ContractServer.run { env in
            try await model(env)
            _ = try await enabled(env, "s1")
            #expect(try await activate(env, "s1").status == 200)
            let log = try await env.get("/provision/manage/model/m1/s1?show=log", headers: [env.vendorHeader]).text
            let lines = log.split(whereSeparator: \.isNewline)
            #expect(lines.last == "1700000000,127.0.0.1,model=m1&vendor=\(env.vendor)&sn=s1")
        }
    }

    @Test func contentInfoAndDownloadRoundTheExactBytes() async throws {
        try await ContractServer.run { env in
            try await model(env)
            let created = try await env.postForm("/provision/manage/content/m1/", "id=fw&meta=v1&protected=false", headers: [env.vendorHeader])
            #expect(created.status == 205)
            let bytes: [UInt8] = [0, 1, 2, 255, 10, 13, 65]
            let uploaded = try await env.connection.post(
                "/provision/manage/content/m1/fw", body: bytes, contentType: "application/octet-stream", headers: [env.vendorHeader])
            #expect(uploaded.status == 205)
            let info = try await env.get("/provision/manage/content/m1/fw", headers: [env.vendorHeader]).text
            #expect(info.trimmingCharacters(in: .whitespacesAndNewlines) == "application/octet-stream,7,1700000000,v1,false")
            let download = try await env.get("/provision/manage/content/m1/fw?download=true", headers: [env.vendorHeader])
            #expect(download.status == 200)
            #expect(download.body == bytes)
            let partial = try await env.get("/provision/manage/content/m1/fw?download=true", headers: [env.vendorHeader, "Range: bytes=2-4"])
            #expect(partial.status == 206)
            #expect(partial.body == [2, 255, 10])
        }
    }

    @Test func enableClonesTheTemplateAndTheDeviceActivatesOnceWithEmptyAuthHeaders() async throws {
        try await ContractServer.run { env in
            try await model(env)
            let rid = try await enabled(env, "s1")
            let listing = try await env.ok("listing", [.string(env.rootRID), ["client"], ["owned": true]])
            #expect(listing["client"]?.arrayValue?.contains(.string(rid)) == true)
            let first = try await activate(env, "s1")
            #expect(first.status == 200)
            let cik = first.text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(cik.count == 40)
            #expect(try await env.ok("lookup", ["alias", ""], auth: ["cik": .string(cik)]) == .string(rid))
            #expect(try await activate(env, "s1").status == 409)
        }
    }

    @Test func regeneratingInvalidatesTheOldCIKAndReopensActivation() async throws {
        try await ContractServer.run { env in
            try await model(env)
            _ = try await enabled(env, "s1")
            let cik = try await activate(env, "s1").text.trimmingCharacters(in: .whitespacesAndNewlines)
            let regenerated = try await env.postForm("/provision/manage/model/m1/s1", "enable=true", headers: [env.vendorHeader])
            #expect(regenerated.status == 205)
            let old = try await env.send([["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]], auth: ["cik": .string(cik)])
            #expect(old["error"]?["code"] == 401)
            let again = try await activate(env, "s1")
            #expect(again.status == 200)
            let fresh = again.text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(fresh != cik)
            #expect(try await env.status("lookup", ["alias", ""], auth: ["cik": .string(fresh)]) == "ok")
        }
    }

    @Test func disablingExpiresTheCIK() async throws {
        try await ContractServer.run { env in
            try await model(env)
            _ = try await enabled(env, "s1")
            let cik = try await activate(env, "s1").text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await env.postForm("/provision/manage/model/m1/s1", "disable=true", headers: [env.vendorHeader]).status == 205)
            let answer = try await env.send([["id": 1, "procedure": "lookup", "arguments": ["alias", ""]]], auth: ["cik": .string(cik)])
            #expect(answer["error"]?["code"] == 401)
        }
    }
}
