import OnePJSON
import OnePlatform
import Testing

/// `/onep:v1/stack/alias`: writes, reads and both at once, by a device that knows only its CIK.
@Suite struct DataInterfaceTests {
    private let now = Int(TestPlatform.start)
    private static let formType = "application/x-www-form-urlencoded; charset=utf-8"

    @Test func writesAtOneTimestampAndReadsNewestValuesInReverseOrder() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("temp", "float"), ("state", "string"), ("count", "integer")])
        let written = await device.send("POST", body: "temp=21.5&state=on&count=3")
        #expect(written.status == 204)
        #expect(written.body.isEmpty)
        platform.clock.advance(by: 1)
        #expect(await device.send("POST", body: "count=4").status == 204)
        let read = await device.send("GET", query: "temp&state&count&nowhere")
        #expect(read.status == 200)
        #expect(read.header("Content-Type") == Self.formType)
        #expect(read.text == "count=4&state=on&temp=21.5")
        #expect(try await device.points("temp") == [[.int(now), 21.5]])
        #expect(try await device.points("count") == [[.int(now), 3], [.int(now + 1), 4]])
    }

    @Test func readAnswers204WhenNoAliasHasData() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("temp", "float")])
        #expect(await device.send("GET", query: "temp&nowhere").status == 204)
        #expect(await device.send("GET", query: "").status == 204)
    }

    @Test func hybridWritesFirstThenReads() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("set", "integer"), ("get", "integer")])
        let answer = await device.send("POST", query: "get&set", body: "set=9&get=8")
        #expect(answer.status == 200)
        #expect(answer.text == "set=9&get=8")
        #expect(await device.send("POST", query: "nowhere", body: "set=10").status == 204)
    }

    @Test func valuesTravelFormEncoded() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("message", "string")])
        #expect(await device.send("POST", body: "message=hello+world%26more%3D%C3%A9").status == 204)
        #expect(try await device.points("message") == [[.int(now), "hello world&more=é"]])
        #expect(await device.send("GET", query: "message").text == "message=hello%20world%26more%3D%C3%A9")
    }

    @Test func unknownAliasesAreSkippedAndABadValueStoresNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer"), ("other", "integer")])
        #expect(await device.send("POST", body: "ghost=1&count=2").status == 204)
        let refused = await device.send("POST", body: "other=5&count=many")
        #expect(refused.status == 400)
        #expect(refused.text.contains("count"))
        #expect(try await device.points("other") == [])
        #expect(try await device.points("count") == [[.int(now), 2]])
    }

    @Test func aMissingUnknownOrLockedCIKIsRefused() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer")])
        let anonymous = DataInterfaceRequest(method: "POST", path: "/onep:v1/stack/alias", body: Array("count=1".utf8))
        #expect(await platform.platform.processDataInterface(anonymous).status == 401)
        let stranger = DataDevice(platform: platform, cik: String(repeating: "0", count: 40), auth: [:])
        #expect(await stranger.send("GET", query: "count").status == 401)
        #expect(await stranger.send("POST", "/onep:v1/stack/record", body: "alias=count&1=1").status == 401)
        let rid = try await platform.ok("lookup", ["alias", ""], auth: device.auth)
        try await platform.ok("update", [rid, ["locked": true]])
        #expect(await device.send("POST", body: "count=1").status == 403)
    }

    @Test func timestampAndIPAndUnknownPaths() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [])
        let time = await platform.platform.processDataInterface(DataInterfaceRequest(method: "GET", path: "/timestamp"))
        #expect(time.status == 200)
        #expect(time.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(time.text == String(now))
        let address = DataInterfaceRequest.Address(host: "192.168.1.20", port: 8080)
        let ip = await platform.platform.processDataInterface(DataInterfaceRequest(method: "GET", path: "/ip", serverAddress: address))
        #expect(ip.text == "192,168,1,20,31,144")
        #expect(await platform.platform.processDataInterface(DataInterfaceRequest(method: "GET", path: "/ip")).status == 404)
        #expect(await device.send("PUT", "/timestamp").status == 405)
        #expect(await device.send("DELETE").header("Allow") == "GET, POST")
        #expect(await device.send("GET", "/onep:v1/stack/other").status == 404)
    }
}
