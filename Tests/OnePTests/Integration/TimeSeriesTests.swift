import OneP
import OnePJSON
import Testing

/// Time series procedures, through the client engine, in process and over HTTP.
@Suite struct TimeSeriesTests {
    @Test(arguments: Route.allCases) func writeThenReadNewestFirst(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("temperature")
            _ = try await client.call(.write(.alias("temperature"), value: 64.2))
            fixture.clock.advance(by: 5)
            _ = try await client.call(.write(.alias("temperature"), value: "65"))
            let points = try await client.points(.alias("temperature"))
            let now = Int(PlatformFixture.startTime)
            #expect(points == [Point(timestamp: now + 5, value: 65.0), Point(timestamp: now, value: 64.2)])
            let oldest = try await client.points(.alias("temperature"), ReadOptions(sort: .asc, limit: 1))
            #expect(oldest == [Point(timestamp: now, value: 64.2)])
        }
    }

    @Test(arguments: Route.allCases) func writegroupWritesAllAtOneTimestamp(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("a", format: "integer")
            _ = try await client.makeDataport("b", format: "string")
            _ = try await client.call(.writegroup([(.alias("a"), 7), (.alias("b"), "seven")]))
            let a = try await client.points(.alias("a"))
            let b = try await client.points(.alias("b"))
            #expect(a.map(\.value) == [7])
            #expect(b.map(\.value) == ["seven"])
            #expect(a.map(\.timestamp) == b.map(\.timestamp))
        }
    }

    @Test(arguments: Route.allCases) func recordAndRecordbatch(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("count", format: "integer")
            _ = try await client.call(.record(.alias("count"), [(100, 1), (200, 2)]))
            _ = try await client.call(.recordbatch(.alias("count"), [(300, 3), (400, "4")]))
            #expect(try await client.points(.alias("count"), ReadOptions(sort: .asc, limit: 10)).map(\.value) == [1, 2, 3, 4])
            let refused = try await expectOnePError {
                _ = try await client.call(.recordbatch(.alias("count"), [(500, 5), (600, "not a number")]))
            }
            #expect(refused.kind == .callFailed)
            #expect(refused.callStatus == .refusedPoints([.init(timestamp: 600, status: "invalid")]))
        }
    }

    @Test(arguments: Route.allCases) func flushBetweenExclusiveBounds(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("f", format: "integer")
            _ = try await client.call(.record(.alias("f"), (1...5).map { ($0 * 10, .int($0)) }))
            _ = try await client.call(.flush(.alias("f"), newerThan: 10, olderThan: 40))
            #expect(try await client.points(.alias("f"), ReadOptions(sort: .asc, limit: 10)).map(\.timestamp) == [10, 40, 50])
            _ = try await client.call(.flush(.alias("f")))
            #expect(try await client.points(.alias("f")).isEmpty)
        }
    }

    @Test(arguments: Route.allCases) func readWindowAndSelection(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("w", format: "integer")
            _ = try await client.call(.record(.alias("w"), (1...100).map { ($0, .int($0)) }))
            let window = try await client.points(.alias("w"), ReadOptions(starttime: 10, endtime: 20, sort: .asc, limit: 100))
            #expect(window.map(\.timestamp) == Array(10...20))
            let slices = try await client.points(.alias("w"), ReadOptions(starttime: 1, endtime: 100, sort: .asc, limit: 4, selection: .givenwindow))
            #expect(slices.count == 4)
        }
    }

    @Test(arguments: Route.allCases) func waitAnswersThePointAfterSince(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("w", format: "integer")
            _ = try await client.call(.record(.alias("w"), [(1000, 1), (2000, 2)]))
            let result = try await client.call(.wait(.alias("w"), timeoutMilliseconds: 1000, since: 1500))
            #expect(try Point(pair: try #require(result)) == Point(timestamp: 2000, value: 2))
        }
    }
}
