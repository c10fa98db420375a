import OneP
import OnePJSON
import Testing

/// The data pipeline (retention, preprocess, subscribe, datarules, dispatches) through the client
/// engine, in process and over HTTP; timers move with the fixture's clock.
@Suite struct PipelineTests {
    private let start = Int(PlatformFixture.startTime)

    /// Creates a resource of `type` under `parent` and answers its RID.
    private func make(_ client: RPCClient, _ type: ResourceType, under parent: ResourceID = .me, _ description: JSON) async throws -> String {
        try #require(try await client.call(.create(parent, type: type, description: description))?.stringValue)
    }

    @Test(arguments: Route.allCases) func aDeviceWriteRunsItsRuleAndDispatch(route: Route) async throws {
        try await withPlatform(route) { root, fixture in
            let limits: JSON = ["dataport": "inherit", "datarule": "inherit", "dispatch": "inherit", "email": 10, "email_bucket": 10]
            let rid = try await make(root, .client, ["name": "thermostat", "limits": limits])
            let key = try ResourceInfo(try await root.call(.info(.rid(rid), options: [.key]))).key
            let device = (rid: rid, cik: try #require(key))
            let owner = ResourceID.rid(device.rid)
            let temperature = try await make(root, .dataport, under: owner, ["format": "float", "preprocess": [["sub", 32], ["mul", 0.5]]])
            let hot = try await make(
                root, .datarule, under: owner,
                ["format": "integer", "subscribe": .string(temperature), "rule": ["simple": ["comparison": "gt", "constant": 30, "repeat": false]]])
            let alarm = try await make(
                root, .dispatch, under: owner, ["method": "email", "recipient": "ops@example.com", "message": "too hot", "subscribe": .string(hot)])
            let thermostat = root.with(auth: .cik(device.cik))
            _ = try await thermostat.call(.map(.rid(temperature), alias: "temperature"))
            let ascending = ReadOptions(sort: .asc, limit: 10)
            for fahrenheit in [90, 100, 104] {
                _ = try await thermostat.call(.write(.alias("temperature"), value: .int(fahrenheit)))
                fixture.clock.advance(by: 1)
            }
            #expect(try await thermostat.points(.alias("temperature"), ascending).map(\.value) == [29.0, 34.0, 36.0])
            // The rule stores changes only, and the dispatch hears each of them.
            #expect(try await root.points(.rid(hot), ascending) == [Point(timestamp: start, value: 0), Point(timestamp: start + 1, value: 1)])
            #expect(try await root.points(.rid(alarm), ascending).map(\.value) == ["too hot", "too hot"])
            let counts = try ResourceInfo(try await root.call(.info(owner, options: [.counts])))
            #expect(counts.json["counts"]?["email"] == 2)
        }
    }

    @Test(arguments: Route.allCases) func timersFireAsTheClockMovesWhileTheServerRuns(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let heartbeat = try await client.makeDataport("heartbeat", format: "integer")
            let silent = try await make(
                client, .datarule, ["format": "integer", "subscribe": .string(heartbeat), "rule": ["timeout": ["timeout": 120, "repeat": false]]])
            let notice = try await make(client, .dispatch, ["method": "sms", "recipient": "+15550100", "subscribe": .string(silent)])
            _ = try await client.call(.write(.alias("heartbeat"), value: 1))
            fixture.clock.advance(by: 119)
            try await fixture.platform.settle()
            #expect(try await client.points(.rid(silent)).map(\.timestamp) == [start])
            fixture.clock.advance(by: 1)
            try await fixture.platform.settle()
            let points = try await client.points(.rid(silent), ReadOptions(sort: .asc, limit: 10))
            #expect(points == [Point(timestamp: start, value: 0), Point(timestamp: start + 120, value: 1)])
            #expect(try await client.points(.rid(notice), ReadOptions(sort: .asc, limit: 10)).map(\.value) == ["0", "1"])
        }
    }

    @Test(arguments: Route.allCases) func retentionAndSubscriptionCycles(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let a = try await client.makeDataport("a", format: "integer")
            let b = try await make(client, .dataport, ["format": "integer", "subscribe": .string(a), "retention": ["count": 2]])
            _ = try await client.call(.update(.rid(a), description: ["subscribe": .string(b), "retention": ["duration": 1]]))
            for value in 1...3 {
                _ = try await client.call(.write(.alias("a"), value: .int(value)))
                fixture.clock.advance(by: 1200)
            }
            #expect(try await client.points(.rid(b), ReadOptions(sort: .asc, limit: 10)).map(\.value) == [2, 3])
            // a's first point is now more than an hour old.
            fixture.clock.advance(by: 1)
            #expect(try await client.points(.alias("a"), ReadOptions(sort: .asc, limit: 10)).map(\.value) == [2, 3])
        }
    }

    @Test(arguments: Route.allCases) func badPipelineDescriptionsAnswerTheirStatus(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            let port = try await client.makeDataport("port")
            let badRule = try await expectOnePError {
                _ = try await client.call(.create(.me, type: .datarule, description: ["format": "integer", "rule": ["count": ["count": 3]]]))
            }
            #expect(badRule.statusWord == "invalid")
            let badSubscribe = try await expectOnePError {
                _ = try await client.call(.update(.rid(port), description: ["subscribe": .string(String(repeating: "c", count: 40))]))
            }
            #expect(badSubscribe.statusWord == "restricted")
            let badOperand = try await expectOnePError {
                _ = try await client.call(.update(.rid(port), description: ["preprocess": [["div", "zero"]]]))
            }
            #expect(badOperand.statusWord == "invalid")
            let listing = try Listing.rids(from: try await client.call(.listing(.me, types: [.dataport, .datarule])))
            #expect(listing[.datarule] == [])
            _ = try await client.call(.write(.alias("port"), value: 1.5))
            #expect(try await client.points(.alias("port")).map(\.value) == [1.5])
        }
    }

    @Test(arguments: Route.allCases) func scriptsAreKeptAndRun(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let script = try await make(client, .datarule, ["format": "string", "rule": ["script": "debug('hello')"]])
            try await fixture.platform.settle()
            let info = try ResourceInfo(try await client.call(.info(.rid(script), options: [.basic, .description])))
            #expect(info.status == "completed")
            #expect(try await client.points(.rid(script)).map(\.value) == ["line 1: hello"])
            #expect(info.resourceDescription?["rule"]?["script"] == "debug('hello')")
        }
    }

    @Test(.needs("wait"), arguments: Route.allCases) func aWaitOnARuleIsReleasedWhenItsTimerFires(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let rule = try await make(client, .datarule, ["format": "integer", "rule": ["timeout": ["timeout": 30, "repeat": false]]])
            async let released = client.call(.wait(.rid(rule), timeoutMilliseconds: 600_000, since: start))
            fixture.clock.advance(by: 30)
            try await fixture.platform.settle()
            #expect(try Point(pair: try #require(try await released)) == Point(timestamp: start + 30, value: 1))
        }
    }
}
