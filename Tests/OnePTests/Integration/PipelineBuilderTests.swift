import OneP
import OnePJSON
import Testing

/// Datarules, dispatches and pipeline fields made with the typed description builders, through the
/// client engine in process and over HTTP; timers move with the fixture's clock.
@Suite struct PipelineBuilderTests {
    private let start = Int(PlatformFixture.startTime)
    private let ascending = ReadOptions(sort: .asc, limit: 20)

    private func make(_ client: RPCClient, _ type: ResourceType, _ description: JSON) async throws -> String {
        try #require(try await client.call(.create(.me, type: type, description: description))?.stringValue)
    }

    /// Moves the clock and lets the platform fire what fell due.
    private func advance(_ fixture: PlatformFixture, by seconds: Double) async throws {
        fixture.clock.advance(by: seconds)
        try await fixture.platform.settle()
    }

    @Test func buildersProduceTheDocumentedObjects() {
        #expect(DataruleRule.simple(.gt, constant: 30, repeat: true).json == ["simple": ["comparison": "gt", "constant": 30, "repeat": true]])
        #expect(DataruleRule.timeout(seconds: 1.5).json == ["timeout": ["timeout": 1.5, "repeat": false]])
        #expect(
            DataruleRule.count(.geq, constant: 100, count: 3, seconds: 60).json
                == ["count": ["comparison": "geq", "constant": 100, "count": 3, "timeout": 60, "repeat": false]])
        #expect(DataruleRule.script("debug('x')").json == ["script": "debug('x')"])
        let options = PipelineOptions(
            subscribe: "abc", preprocess: [.constant(.sub, 32), PreprocessStep(.add, .resource("def"))], retention: RetentionPolicy(count: 5))
        #expect(
            options.json
                == ["subscribe": "abc", "preprocess": [["sub", 32], ["add", "def"]], "retention": ["count": 5, "duration": "infinity"]])
        #expect(
            ResourceDescription.dispatch(.httpPost, recipient: "http://example.com/hook", message: "m")
                == ["method": "http_post", "recipient": "http://example.com/hook", "message": "m"])
    }

    @Test(arguments: Route.allCases) func comparingRulesBuiltWithTypesFireAsTheyDescribe(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let source = try await client.makeDataport("level", format: "integer")
            let scaled = PipelineOptions(subscribe: source, preprocess: [.constant(.mul, 2)])
            let simple = try await make(client, .datarule, ResourceDescription.datarule(.simple(.gt, constant: 100, repeat: true), scaled))
            let interval = try await make(
                client, .datarule, ResourceDescription.datarule(.interval(.gt, constant: 50, seconds: 10, repeat: true), .init(subscribe: source)))
            let duration = try await make(
                client, .datarule, ResourceDescription.datarule(.duration(.gt, constant: 50, seconds: 30), .init(subscribe: source)))
            let count = try await make(
                client, .datarule, ResourceDescription.datarule(.count(.gt, constant: 50, count: 2, seconds: 60), .init(subscribe: source)))
            _ = try await client.call(.write(.alias("level"), value: 60))
            try await advance(fixture, by: 15)
            _ = try await client.call(.write(.alias("level"), value: 40))
            try await advance(fixture, by: 10)
            _ = try await client.call(.write(.alias("level"), value: 70))
            try await advance(fixture, by: 30)
            #expect(try await client.points(.rid(simple), ascending).map(\.value) == [1, 0, 1])
            let intervalPoints = try await client.points(.rid(interval), ascending)
            #expect(intervalPoints.map(\.timestamp) == [0, 10, 15, 25, 35, 45, 55].map { start + $0 })
            #expect(intervalPoints.map(\.value) == [1, 1, 0, 1, 1, 1, 1])
            #expect(try await client.points(.rid(duration), ascending).last == Point(timestamp: start + 55, value: 1))
            #expect(try await client.points(.rid(count), ascending).last == Point(timestamp: start + 25, value: 1))
        }
    }

    @Test(arguments: Route.allCases) func aTimeoutRuleFeedsADispatchAndRetentionKeepsItShort(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let heartbeat = try await client.makeDataport("heartbeat", format: "integer")
            let silent = try await make(
                client, .datarule,
                ResourceDescription.datarule(.timeout(seconds: 60, repeat: true), .init(subscribe: heartbeat, retention: .init(count: 2))))
            let notice = try await make(
                client, .dispatch, ResourceDescription.dispatch(.sms, recipient: "+15550100", message: "silent", .init(subscribe: silent)))
            _ = try await client.call(.write(.alias("heartbeat"), value: 1))
            for _ in 1...3 { try await advance(fixture, by: 60) }
            #expect(try await client.points(.rid(silent), ascending).map(\.timestamp) == [start + 120, start + 180])
            #expect(try await client.points(.rid(notice), ascending).map(\.value) == ["silent", "silent", "silent", "silent"])
            // Lowering the retention with update takes effect at once.
            _ = try await client.call(.update(.rid(notice), description: PipelineOptions(retention: .init(count: 1)).json))
            #expect(try await client.points(.rid(notice), ascending).count == 1)
        }
    }

    @Test(arguments: Route.allCases) func aScriptRuleKeepsItsSourceAndReportsItsStatus(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            let script = try await make(client, .datarule, ResourceDescription.datarule(.script("debug('hello')"), format: .string))
            try await fixture.platform.settle()
            let info = try ResourceInfo(try await client.call(.info(.rid(script), options: [.basic, .description])))
            #expect(info.status == "completed")
            #expect(info.resourceDescription?["rule"] == DataruleRule.script("debug('hello')").json)
        }
    }
}
