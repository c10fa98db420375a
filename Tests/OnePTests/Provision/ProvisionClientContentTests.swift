import Foundation
import OneP
import Testing

@Suite struct ProvisionClientContentTests {
    @Test func contentAndGroupsOverHTTP() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            _ = try await client.serialNumberAdd(model: "m1", sns: ["s1", "s2"])
            #expect(try await client.contentList(model: "m1").status == 204)
            #expect(try await client.contentCreate(model: "m1", id: "fw", meta: "v1").status == 205)
            #expect(try await client.contentCreate(model: "m1", id: "fw").status == 409)
            #expect(try await client.contentCreate(model: "m1", id: "key", meta: "k", protected: true).status == 205)
            #expect(try await client.contentUpload(model: "m1", id: "fw", bytes: Array("firmware".utf8), contentType: "text/plain").status == 205)
            #expect(try await client.contentUpload(model: "m1", id: "key", bytes: [1, 2, 3], contentType: "application/x-key").status == 205)
            #expect(try await client.contentUpload(model: "m1", id: "ghost", bytes: [1], contentType: "text/plain").status == 404)
            #expect(try await client.contentList(model: "m1").lines == ["fw", "key"])
            #expect(try await client.contentList(model: "m1", sn: "s1").lines == ["fw"])
            let info = try await client.contentInfo(model: "m1", id: "fw")
            #expect(info.text == "text/plain,8,\(Int(PlatformFixture.startTime)),v1,false")
            #expect(try await client.contentInfo(model: "m1", id: "fw", sn: "s1").text == "text/plain,8,\(Int(PlatformFixture.startTime)),v1")
            #expect(try await client.contentInfo(model: "m1", id: "key", sn: "s1").status == 400)
            let whole = try await client.contentDownload(model: "m1", id: "fw")
            #expect(whole.status == 200 && whole.text == "firmware" && whole.header("Content-Type") == "text/plain")
            let part = try await client.contentDownload(model: "m1", id: "fw", range: "bytes=4-")
            #expect(part.status == 206 && part.text == "ware" && part.header("Content-Range") == "bytes 4-7/8")

            #expect(try await client.groupList(model: "m1").status == 204)
            #expect(try await client.groupCreate(model: "m1", id: "g1", meta: "first").status == 205)
            #expect(try await client.groupCreate(model: "m1", id: "g1").status == 409)
            #expect(try await client.groupCreate(model: "m1", id: "g2").status == 205)
            #expect(try await client.groupList(model: "m1").lines == ["g1,first", "g2,"])
            #expect(try await client.groupAddMembers(model: "m1", id: "g1", type: "sn", memberIDs: ["s1"]).status == 205)
            #expect(
                try await client.groupAddMembers(model: "m1", id: "g1", members: [("content", "key", 0, "m"), ("group", "g2", 0, "")]).status == 205)
            #expect(try await client.groupAddMembers(model: "m1", id: "g1", type: "sn", memberIDs: ["ghost"]).status == 404)
            #expect(try await client.groupInfo(model: "m1", id: "g1").text == "first,3")
            #expect(try await client.groupMembers(model: "m1", id: "g1").lines == ["sn,s1,0,", "content,key,0,m", "group,g2,0,"])
            #expect(try await client.groupMembers(model: "m1", id: "g1", type: "content").lines == ["content,key,0,m"])
            #expect(try await client.groupMembers(model: "m1", id: "g1", memberID: "s1").lines == ["sn,s1,0,"])
            #expect(try await client.groupParents(model: "m1", id: "g2").lines == ["g1"])
            #expect(try await client.serialNumberGroups(model: "m1", sn: "s1").lines == ["g1"])
            #expect(try await client.contentGroups(model: "m1", id: "key").lines == ["g1"])
            #expect(try await client.contentList(model: "m1", sn: "s1").lines == ["fw", "key"])

            _ = try await client.serialNumberEnable(model: "m1", sn: "s1", owner: env.rootRID)
            let cik = try await client.activate(vendor: env.vendor, model: "m1", sn: "s1").text
            #expect(try await client.deviceContentList(cik: cik, vendor: env.vendor, model: "m1").lines == ["fw", "key"])
            #expect(
                try await client.deviceContentInfo(cik: cik, vendor: env.vendor, model: "m1", id: "key").text
                    == "application/x-key,3,\(Int(PlatformFixture.startTime)),k")
            #expect(try await client.deviceDownload(cik: cik, vendor: env.vendor, model: "m1", id: "key").body == [1, 2, 3])
            #expect(try await client.deviceDownload(cik: cik, vendor: env.vendor, model: "m1", id: "key", range: "bytes=-1").body == [3])
            #expect(try await client.deviceDownload(cik: "nope", vendor: env.vendor, model: "m1", id: "key").status == 401)
            #expect(try await client.deviceContentList(cik: cik, vendor: env.vendor, model: "zz").status == 403)

            #expect(try await client.groupRemoveMembers(model: "m1", id: "g1", type: "sn", memberIDs: ["s1"]).status == 205)
            #expect(try await client.deviceDownload(cik: cik, vendor: env.vendor, model: "m1", id: "key").status == 403)
            #expect(try await client.groupRemoveMembers(model: "m1", id: "g1", members: [("group", "g2")]).status == 205)
            #expect(try await client.groupRemoveMembers(model: "m1", id: "g1", members: [("group", "g2")]).status == 404)
            #expect(try await client.groupDeleteByPost(model: "m1", id: "g2").status == 205)
            #expect(try await client.groupDelete(model: "m1", id: "g1").status == 205)
            #expect(try await client.groupInfo(model: "m1", id: "g1").status == 404)

            #expect(try await client.contentDeleteByPost(model: "m1", id: "key").status == 205)
            #expect(try await client.contentDelete(model: "m1", id: "fw").status == 205)
            #expect(try await client.contentDelete(model: "m1", id: "fw").status == 404)
            #expect(try await client.contentList(model: "m1").status == 204)
        }
    }

    /// 50 MB up from a file and back down to files, byte for byte, streamed both ways.
    @Test func largeContentRoundTrip() async throws {
        try await ProvisionServerFixture.run { env in
            let client = env.client
            let directory = env.fixture.directory
            let source = directory.appendingPathComponent("upload.bin").path
            let size = 50 * 1024 * 1024 + 12_345
            var bytes = [UInt8](repeating: 0, count: size)
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in 0..<size {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[index] = UInt8(truncatingIfNeeded: state >> 33)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: source))

            _ = try await client.modelCreate("m1", template: .rid(try await env.template()))
            _ = try await client.contentCreate(model: "m1", id: "image")
            let upload = try await client.contentUpload(model: "m1", id: "image", filePath: source, contentType: "application/octet-stream")
            #expect(upload.status == 205)
            #expect(try await client.contentInfo(model: "m1", id: "image").text.hasPrefix("application/octet-stream,\(size),"))

            let target = directory.appendingPathComponent("download.bin").path
            let download = try await client.contentDownload(model: "m1", id: "image", toFile: target)
            #expect(download.status == 200 && download.body.isEmpty)
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))

            let tail = directory.appendingPathComponent("tail.bin").path
            let partial = try await client.contentDownload(model: "m1", id: "image", toFile: tail, range: "bytes=30000000-")
            #expect(partial.status == 206)
            #expect(try Data(contentsOf: URL(fileURLWithPath: tail)) == Data(bytes[30_000_000...]))

            _ = try await client.serialNumberAdd(model: "m1", sn: "s1")
            _ = try await client.serialNumberEnable(model: "m1", sn: "s1", owner: env.rootRID)
            let cik = try await client.activate(vendor: env.vendor, model: "m1", sn: "s1").text
            let device = directory.appendingPathComponent("device.bin").path
            let fetched = try await client.deviceDownload(cik: cik, vendor: env.vendor, model: "m1", id: "image", toFile: device)
            #expect(fetched.status == 200)
            #expect(try Data(contentsOf: URL(fileURLWithPath: device)) == Data(bytes))
        }
    }

    @Test func uploadFromAMissingFileFails() async throws {
        try await ProvisionServerFixture.run { env in
            await #expect(throws: ProvisionError.self) {
                _ = try await env.client.contentUpload(model: "m1", id: "x", filePath: "/nonexistent/file", contentType: "text/plain")
            }
        }
    }
}
