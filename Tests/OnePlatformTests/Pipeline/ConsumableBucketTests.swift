import OnePJSON
import OnePlatform
import Testing

@Suite("Consumable buckets")
struct ConsumableBucketTests {
    /// Limits that inherit everything but the given numbers.
    private func limits(_ numbers: JSONObject) -> JSON {
        var limits = TestPlatform.inheritedLimits.objectValue ?? [:]
        for (key, value) in numbers { limits[key] = value }
        return .object(limits)
    }

    /// A dataport of `auth`'s client feeding a new email dispatch; answers both RIDs.
    private func feed(_ platform: TestPlatform, auth: JSON) async throws -> (source: String, dispatch: String) {
        let source = try await platform.dataport("integer", auth: auth)
        let dispatch = try await platform.dispatch(["subscribe": .string(source), "message": "m"], auth: auth)
        return (source, dispatch)
    }

    private func write(_ platform: TestPlatform, _ source: String, times: Int, auth: JSON) async throws {
        for value in 1...times {
            try await platform.write(source, .int(value), auth: auth)
            platform.clock.advance(by: 1)
        }
    }

    @Test func anEmptyBucketLeavesDeliveriesUndeliveredUntilAnUpdateRefillsIt() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": limits(["email": 100, "email_bucket": 2])])
        let (source, dispatch) = try await feed(platform, auth: device.auth)
        try await write(platform, source, times: 3, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "m", "undelivered"])
        // A new day gives a new daily allowance but no new bucket.
        platform.clock.advance(by: 86_400)
        try await write(platform, source, times: 1, auth: device.auth)
        #expect(try await platform.values(dispatch).last == "undelivered")
        try await platform.ok("update", [.string(device.rid), ["limits": ["email_bucket": 2]]])
        try await write(platform, source, times: 3, auth: device.auth)
        #expect(try await platform.values(dispatch).suffix(3) == ["m", "m", "undelivered"])
    }

    @Test func aClientThatInheritsDrawsFromItsNearestAncestorsBucket() async throws {
        let platform = try TestPlatform.inMemory()
        let gateway = try await platform.client(["limits": limits(["email_bucket": 1])])
        let device = try await platform.client(auth: gateway.auth)
        let (source, dispatch) = try await feed(platform, auth: device.auth)
        try await write(platform, source, times: 2, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "undelivered"])
        // The gateway's own dispatches find the same bucket empty.
        let own = try await feed(platform, auth: gateway.auth)
        try await write(platform, own.source, times: 1, auth: gateway.auth)
        #expect(try await platform.values(own.dispatch) == ["undelivered"])
    }

    @Test func aRefillDrawsFromTheParentsBucketWhileItHasAnythingLeft() async throws {
        let platform = try TestPlatform.inMemory()
        let gateway = try await platform.client(["limits": limits(["email_bucket": 3])])
        let device = try await platform.client(["limits": limits(["email_bucket": 2])], auth: gateway.auth)
        let (source, dispatch) = try await feed(platform, auth: device.auth)
        try await write(platform, source, times: 3, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "m", "undelivered"])
        // The gateway has one left of its three, so asking for two more gets the device one.
        try await platform.ok("update", [.string(device.rid), ["limits": ["email_bucket": 2]]], auth: gateway.auth)
        try await write(platform, source, times: 2, auth: device.auth)
        #expect(try await platform.values(dispatch).suffix(2) == ["m", "undelivered"])
        // With the gateway's bucket empty, a further refill gives nothing.
        try await platform.ok("update", [.string(device.rid), ["limits": ["email_bucket": 2]]], auth: gateway.auth)
        try await write(platform, source, times: 1, auth: device.auth)
        #expect(try await platform.values(dispatch).last == "undelivered")
    }

    @Test func theDailyLimitThrottlesTheDrawWithoutSpendingTheBucket() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": limits(["email": 1, "email_bucket": 2])])
        let (source, dispatch) = try await feed(platform, auth: device.auth)
        try await write(platform, source, times: 2, auth: device.auth)
        platform.clock.advance(by: 86_400)
        try await write(platform, source, times: 1, auth: device.auth)
        platform.clock.advance(by: 86_400)
        try await write(platform, source, times: 1, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "undelivered", "m", "undelivered"])
    }

    @Test func aBucketOfAnotherMethodDoesNotLimitThisOne() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": limits(["sms_bucket": 0, "email_bucket": 1])])
        let source = try await platform.dataport("integer", auth: device.auth)
        let text = try await platform.dispatch(
            ["subscribe": .string(source), "method": "sms", "recipient": "+15550100", "message": "t"], auth: device.auth)
        let mail = try await platform.dispatch(["subscribe": .string(source), "message": "m"], auth: device.auth)
        try await write(platform, source, times: 1, auth: device.auth)
        #expect(try await platform.values(text) == ["undelivered"])
        #expect(try await platform.values(mail) == ["m"])
    }
}
