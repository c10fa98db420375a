import OnePJSON
import OnePlatform
import Testing

@Suite("Dispatches")
struct DispatchTests {
    @Test func eachPublicationStoresTheMessageItWouldDeliverAndCountsIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let source = try await platform.dataport("float", auth: device.auth)
        let echo = try await platform.dispatch(["subscribe": .string(source), "preprocess": [["mul", 2]]], auth: device.auth)
        let fixed = try await platform.dispatch(
            ["subscribe": .string(source), "method": "http_post", "recipient": "http://example.com/hook", "message": "Too hot"],
            auth: device.auth)
        try await platform.write(source, 21.5, auth: device.auth)
        platform.clock.advance(by: 1)
        try await platform.write(source, 3, auth: device.auth)
        #expect(try await platform.values(echo) == ["43", "6"])
        #expect(try await platform.values(fixed) == ["Too hot", "Too hot"])
        let counts = try await platform.ok("info", [.string(device.rid), ["counts": true]])["counts"]
        #expect(counts?["email"] == 2)
        #expect(counts?["http"] == 2)
        let start = Int(TestPlatform.start)
        #expect(try await platform.ok("usage", [.string(device.rid), "email", .int(start), .int(start + 1)]) == 2)
        #expect(try await platform.ok("usage", [.string(device.rid), "sms", .int(start), .int(start + 1)]) == 0)
    }

    @Test func aLockedDispatchStoresUndeliveredAndUsesNothing() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let source = try await platform.dataport("integer", auth: device.auth)
        let dispatch = try await platform.dispatch(["subscribe": .string(source), "locked": true, "message": "alarm"], auth: device.auth)
        try await platform.write(source, 1, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["undelivered"])
        #expect(try await platform.ok("info", [.string(dispatch), ["basic": true]])["basic"]?["status"] == "locked")
        #expect(try await platform.ok("info", [.string(device.rid), ["counts": true]])["counts"]?["email"] == 0)
        try await platform.ok("update", [.string(dispatch), ["locked": false]], auth: device.auth)
        platform.clock.advance(by: 1)
        try await platform.write(source, 2, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["undelivered", "alarm"])
    }

    @Test func aLockedOwnerMakesItsDispatchesUndelivered() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client()
        let source = try await platform.dataport("integer", auth: device.auth)
        let dispatch = try await platform.dispatch(["subscribe": .string(source), "method": "sms", "recipient": "+15551234567"], auth: device.auth)
        try await platform.ok("update", [.string(device.rid), ["locked": true]])
        try await platform.write(source, 5)
        #expect(try await platform.values(dispatch) == ["undelivered"])
        #expect(try await platform.ok("info", [.string(device.rid), ["counts": true]])["counts"]?["sms"] == 0)
    }

    @Test func aRuleDrivesADispatch() async throws {
        let platform = try TestPlatform.inMemory()
        let source = try await platform.dataport("float")
        let silent = try await platform.datarule(["timeout": ["timeout": 300, "repeat": false]], subscribe: source)
        let alert = try await platform.dispatch(["subscribe": .string(silent), "subject": "quiet"])
        let page = try await platform.dispatch([
            "subscribe": .string(silent), "message": "device went quiet", "method": "sms", "recipient": "+15550100",
        ])
        try await platform.write(source, 1)
        try await platform.advance(by: 300)
        // Every output of the rule is a publication: the input's false, then the timeout's true.
        #expect(try await platform.values(alert) == ["0", "1"])
        #expect(try await platform.values(page) == ["device went quiet", "device went quiet"])
    }

    @Test func writingToADispatchDirectlyDeliversToo() async throws {
        let platform = try TestPlatform.inMemory()
        let dispatch = try await platform.dispatch([:])
        try await platform.write(dispatch, "hello")
        #expect(try await platform.values(dispatch) == ["hello"])
    }

    @Test(arguments: [
        ["method": "pigeon"] as JSONObject, ["recipient": 5], ["message": false], ["subject": ["x"]], ["locked": "yes"],
    ])
    func badDescriptionsAreInvalidAndChangeNothing(change: JSONObject) async throws {
        let platform = try TestPlatform.inMemory()
        var description: JSONObject = ["method": "email", "recipient": "ops@example.com"]
        for (key, value) in change { description[key] = value }
        #expect(try await platform.status("create", ["dispatch", .object(description)]) == "invalid")
        let dispatch = try await platform.dispatch([:])
        #expect(try await platform.status("update", [.string(dispatch), .object(change)]) == "invalid")
        #expect(try await platform.ok("listing", [["dispatch"]]) == [[.string(dispatch)]])
        let stored = try await platform.ok("info", [.string(dispatch), ["description": true]])["description"]
        #expect(stored?["method"] == "email" && stored?["locked"] == false)
    }
}
