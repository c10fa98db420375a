import OnePJSON
import OnePlatform
import Testing

@Suite("Dispatch allowances")
struct DispatchAllowanceTests {
    @Test func aDailyLimitMakesFurtherDeliveriesUndeliveredUntilTheNextDay() async throws {
        let platform = try TestPlatform.inMemory()
        let device = try await platform.client(["limits": ["dataport": 1, "dispatch": 1, "email": 2]])
        let source = try await platform.dataport("integer", auth: device.auth)
        let dispatch = try await platform.dispatch(["subscribe": .string(source), "message": "m"], auth: device.auth)
        for value in 1...3 {
            try await platform.write(source, .int(value), auth: device.auth)
            platform.clock.advance(by: 1)
        }
        #expect(try await platform.values(dispatch) == ["m", "m", "undelivered"])
        platform.clock.advance(by: 86_400)
        try await platform.write(source, 4, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "m", "undelivered", "m"])
    }

    @Test func anInheritedLimitCoversTheWholeSubhierarchy() async throws {
        let platform = try TestPlatform.inMemory()
        var limits = TestPlatform.inheritedLimits.objectValue ?? [:]
        limits["sms"] = 1
        let gateway = try await platform.client(["limits": .object(limits)])
        let device = try await platform.client(auth: gateway.auth)
        let source = try await platform.dataport("integer", auth: device.auth)
        let dispatch = try await platform.dispatch(
            ["subscribe": .string(source), "method": "sms", "recipient": "+15550100", "message": "m"], auth: device.auth)
        try await platform.write(source, 1, auth: device.auth)
        platform.clock.advance(by: 1)
        try await platform.write(source, 2, auth: device.auth)
        #expect(try await platform.values(dispatch) == ["m", "undelivered"])
        #expect(try await platform.ok("info", [.string(gateway.rid), ["usage": true]])["usage"]?["sms"] == 1)
    }
}
