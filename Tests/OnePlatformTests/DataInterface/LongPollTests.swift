import OnePJSON
import OnePlatform
import Testing

/// Long polls on `/onep:v1/stack/alias`: `Request-Timeout`, `If-Modified-Since`, 304.
@Suite struct LongPollTests {
    private let now = Int(TestPlatform.start)

    private func poll(_ device: DataDevice, _ alias: String, timeout: String, since: String? = nil) -> Task<DataInterfaceResponse, Never> {
        var headers: [(name: String, value: String)] = [("Request-Timeout", timeout)]
        if let since { headers.append(("If-Modified-Since", since)) }
        let request = device.request("GET", query: alias, headers: headers)
        let platform = device.platform.platform
        return Task { await platform.processDataInterface(request) }
    }

    @Test func aWriteEndsThePollWithItsValueAndTime() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("temp", "float")])
        #expect(await device.send("POST", body: "temp=1").status == 204)
        let polling = poll(device, "temp", timeout: "30000")
        await platform.untilSuspended(1)
        platform.clock.advance(by: 4)
        #expect(await device.send("POST", body: "temp=2.5").status == 204)
        let answer = await polling.value
        #expect(answer.status == 200)
        #expect(answer.text == "temp=2.5")
        // TestPlatform.start + 4 seconds.
        #expect(answer.header("Last-Modified") == "Tue, 14 Nov 2023 22:13:24 GMT")
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func anRPCWriteEndsThePollToo() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer")])
        let polling = poll(device, "count", timeout: "1000")
        await platform.untilSuspended(1)
        try await platform.ok("write", [["alias": "count"], 12], auth: device.auth)
        #expect(await polling.value.text == "count=12")
    }

    @Test func runningOutOfTimeAnswers304() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer")])
        let polling = poll(device, "count", timeout: "2000")
        await platform.untilSuspended(1)
        platform.clock.advance(by: 2)
        let answer = await polling.value
        #expect(answer.status == 304)
        #expect(answer.body.isEmpty)
    }

    @Test func ifModifiedSinceAnswersAPointAlreadyAfterIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer")])
        #expect(await device.send("POST", "/onep:v1/stack/record", body: "alias=count&1000=1&2000=2").status == 204)
        #expect(await poll(device, "count", timeout: "0", since: "1500").value.text == "count=2")
        let dated = await poll(device, "count", timeout: "0", since: "Thu, 01 Jan 1970 00:16:40 GMT").value
        #expect(dated.text == "count=2")
        #expect(dated.header("Last-Modified") == "Thu, 01 Jan 1970 00:33:20 GMT")
        #expect(await poll(device, "count", timeout: "0", since: "2000").value.status == 304)
    }

    @Test func closingThePollForgetsIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer")])
        let polling = poll(device, "count", timeout: "300000")
        await platform.untilSuspended(1)
        polling.cancel()
        _ = await polling.value
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test(
        arguments: [
            ("count&other", "1000", nil), ("count", "300001", nil), ("count", "soon", nil), ("count", "-1", nil),
            ("count", "1000", "yesterday"),
        ] as [(String, String, String?)])
    func badPollsAreBadRequests(query: String, timeout: String, since: String?) async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("count", "integer"), ("other", "integer")])
        var headers: [(name: String, value: String)] = [("Request-Timeout", timeout)]
        if let since { headers.append(("If-Modified-Since", since)) }
        let answer = await device.send("GET", query: query, headers: headers)
        #expect(answer.status == 400)
        #expect(platform.platform.suspendedWaitCount == 0)
    }

    @Test func aPollOnAnUnknownAliasHasNothingToWaitFor() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [])
        #expect(await poll(device, "nowhere", timeout: "1000").value.status == 204)
    }
}
