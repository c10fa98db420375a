import Foundation
import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform
import Synchronization
import Testing

/// The provisioning client over the in-process transport: the same answers as over HTTP, with
/// file bodies streamed both ways.
@Suite struct ProvisionInProcessTests {
    private func template(_ fixture: PlatformFixture) async throws -> String {
        let rpc = RPCClient(transport: InProcessTransport(platform: fixture.platform), auth: fixture.rootAuth)
        let description: JSON = ["name": "template", "limits": ProvisionServerFixture.inheritedLimits]
        let rid = try #require(try await rpc.call(.create(.me, type: .client, description: description))?.stringValue)
        _ = try await rpc.call(.create(.rid(rid), type: .dataport, description: ["format": "integer", "name": "t"]))
        return rid
    }

    @Test func answersAsOverHTTP() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let bootstrap = fixture.platform.bootstrap
        let client = ProvisionClient(transport: InProcessProvisionTransport(platform: fixture.platform), auth: .token(bootstrap.vendorToken))
        #expect(client.url == "local")
        #expect(try await client.modelCreate("m1", template: .rid(try await template(fixture))).status == 205)
        let duplicate = try await client.modelCreate("m1", template: .rid(bootstrap.rootRID))
        #expect(duplicate.status == 409 && duplicate.reason == "Conflict")
        #expect(try await client.modelInfo("nope").status == 404)
        #expect(try await client.modelList().lines == ["m1"])
        #expect(try await client.with(auth: .token("wrong")).modelList().status == 401)

        _ = try await client.serialNumberAdd(model: "m1", sn: "s1")
        let rid = try await client.serialNumberEnable(model: "m1", sn: "s1", owner: bootstrap.rootRID).text
        #expect(rid.count == 40)
        let cik = try await client.activate(vendor: bootstrap.vendorName, model: "m1", sn: "s1")
        #expect(cik.status == 200 && cik.text.count == 40)
        #expect(try await client.activate(vendor: bootstrap.vendorName, model: "m1", sn: "s1").status == 409)
        #expect(try await client.serialNumberLog(model: "m1", sn: "s1").text.contains(",local,"))
    }

    @Test func throwsForRefusalsWhenAsked() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let transport = InProcessProvisionTransport(platform: fixture.platform)
        let client = ProvisionClient(transport: transport, auth: .token(fixture.platform.bootstrap.vendorToken), throwsOnError: true)
        let error = try await #require(throws: ProvisionError.self) { try await client.modelInfo("nope") }
        #expect(error.status == 404)
    }

    @Test func filesStreamBothWays() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let bootstrap = fixture.platform.bootstrap
        let client = ProvisionClient(transport: InProcessProvisionTransport(platform: fixture.platform), auth: .token(bootstrap.vendorToken))
        let size = 3 * 1024 * 1024 + 777
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        let source = fixture.directory.appendingPathComponent("upload.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: source))
        _ = try await client.modelCreate("m1", template: .rid(try await template(fixture)))
        _ = try await client.contentCreate(model: "m1", id: "image")

        let read = Mutex<[Int]>([])
        let upload = try await client.contentUpload(
            model: "m1", id: "image", filePath: source, contentType: "application/octet-stream",
            progress: { done in read.withLock { $0.append(done) } })
        #expect(upload.status == 205)
        let reads = read.withLock { $0 }
        #expect(reads.count > 1 && reads.last == size && reads == reads.sorted())

        let target = fixture.directory.appendingPathComponent("download.bin").path
        let written = Mutex<[(Int, Int?)]>([])
        let download = try await client.contentDownload(
            model: "m1", id: "image", toFile: target, progress: { done, total in written.withLock { $0.append((done, total)) } })
        #expect(download.status == 200 && download.body.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(bytes))
        let steps = written.withLock { $0 }
        #expect(steps.count > 1 && steps.last?.0 == size && steps.last?.1 == size)

        let tail = fixture.directory.appendingPathComponent("tail.bin").path
        #expect(try await client.contentDownload(model: "m1", id: "image", toFile: tail, range: "bytes=1000000-").status == 206)
        #expect(try Data(contentsOf: URL(fileURLWithPath: tail)) == Data(bytes[1_000_000...]))
    }

    @Test func debugLogShowsCurlLinesWithTheTokenMasked() async throws {
        let fixture = try PlatformFixture()
        defer { fixture.removeDirectory() }
        let token = fixture.platform.bootstrap.vendorToken
        let lines = Mutex<[String]>([])
        let transport = CurlLoggingProvisionTransport(
            base: InProcessProvisionTransport(platform: fixture.platform), url: "http://127.0.0.1:8080/",
            log: { line in lines.withLock { $0.append(line) } })
        let client = ProvisionClient(transport: transport, auth: .token(token))
        #expect(try await client.modelList().status == 204)
        #expect(try await client.serialNumberAdd(model: "m 1", sn: "a&b").status == 404)
        let source = fixture.directory.appendingPathComponent("it's.bin").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: source))
        _ = try await client.contentUpload(model: "m1", id: "fw", filePath: source, contentType: "application/octet-stream")
        let logged = lines.withLock { $0 }
        let masked = String(token.prefix(4)) + String(repeating: "*", count: token.count - 4)
        #expect(logged.count == 3 && !logged.joined().contains(token))
        #expect(logged[0] == "curl -X GET 'http://127.0.0.1:8080/provision/manage/model/' -H 'X-Exosite-Token: \(masked)'")
        #expect(
            logged[1] == "curl -X POST 'http://127.0.0.1:8080/provision/manage/model/m%201/' -H 'X-Exosite-Token: \(masked)' "
                + "-H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' --data-binary 'sn=a%26b&extra='")
        #expect(logged[2].hasSuffix("-H 'Content-Type: application/octet-stream' --data-binary '@\(source.replacing("'", with: #"'\''"#))'"))
    }
}
