import OnePJSON
import OnePlatform
import Testing

/// A device that knows only its CIK writes through the HTTP Data Interface; its rules and
/// retention behave as for any other write.
@Suite struct DataInterfacePipelineTests {
    @Test func aDataInterfaceWriteFeedsTheRulesSubscribedToTheDataport() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("temp", "float")])
        let hot = try #require(
            try await platform.ok(
                "create",
                ["datarule", ["format": "integer", "subscribe": ["alias": "temp"], "rule": ["simple": ["comparison": "gt", "constant": 30]]]],
                auth: device.auth
            ).stringValue)
        let quiet = try #require(
            try await platform.ok(
                "create", ["datarule", ["format": "integer", "subscribe": ["alias": "temp"], "rule": ["timeout": ["timeout": 60]]]],
                auth: device.auth
            ).stringValue)
        #expect(await device.send("POST", body: "temp=21.5").status == 204)
        platform.clock.advance(by: 1)
        #expect(await device.send("POST", body: "temp=35").status == 204)
        #expect(try await platform.timeline(hot) == [[0, 0], [1, 1]])
        try await platform.advance(by: 60)
        #expect(try await platform.timeline(quiet) == [[0, 0], [61, 1]])
    }

    @Test func aDataInterfaceReadLeavesOutValuesPastTheirRetention() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await DataDevice.make(platform, dataports: [("kept", "integer")])
        try await platform.ok("create", ["dataport", ["format": "integer", "retention": ["duration": 1]]], auth: device.auth)
        let brief = try #require(try await platform.ok("listing", [["dataport"]], auth: device.auth)[0]?.arrayValue?.last?.stringValue)
        try await platform.ok("map", ["alias", .string(brief), "brief"], auth: device.auth)
        #expect(await device.send("POST", body: "kept=1&brief=2").status == 204)
        #expect(await device.send("GET", query: "kept&brief").text == "brief=2&kept=1")
        platform.clock.advance(by: 3601)
        #expect(await device.send("GET", query: "kept&brief").text == "kept=1")
    }
}
