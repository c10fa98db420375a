import OneP
import OnePEmbedded
import OnePJSON
import OnePlatform
import Testing

/// Many calls in one request, and several clients at once.
@Suite struct LoadTests {
    @Test(arguments: Route.allCases) func batchOfThousandsOfCalls(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            _ = try await client.makeDataport("bulk", format: "integer")
            let calls = (1...3000).map { Call.record(.alias("bulk"), [($0, .int($0))]) }
            let results = try await client.batch(calls)
            #expect(results.count == 3000)
            #expect(results.allSatisfy { $0.status == .ok })
            let points = try await client.points(.alias("bulk"), ReadOptions(sort: .asc, limit: 5000))
            #expect(points.map(\.timestamp) == Array(1...3000))
        }
    }

    @Test(arguments: Route.allCases) func resultsFollowTheOrderOfTheCalls(route: Route) async throws {
        try await withPlatform(route) { client, _ in
            for name in ["a", "b", "c"] { _ = try await client.makeDataport(name) }
            let names = (0..<300).map { ["a", "b", "c"][$0 % 3] }
            let results = try await client.batch(names.map { Call.lookup(.me, .alias($0)) })
            let rids = try await client.batch(["a", "b", "c"].map { Call.lookup(.me, .alias($0)) }).map { try $0.get() }
            #expect(try results.map { try $0.get() } == names.map { rids[["a", "b", "c"].firstIndex(of: $0)!] })
        }
    }

    @Test(arguments: Route.allCases) func twoClientsWritingAtOnceLoseNothing(route: Route) async throws {
        try await withPlatform(route) { client, fixture in
            _ = try await client.makeDataport("shared", format: "integer")
            // The second client gets its own transport (its own connection over HTTP).
            let secondTransport: any Transport
            if let http = client.transport as? HTTPTransport {
                secondTransport = HTTPTransport(url: http.url)
            } else {
                secondTransport = InProcessTransport(platform: fixture.platform)
            }
            let second = RPCClient(transport: secondTransport, auth: fixture.rootAuth)
            defer { if let http = secondTransport as? HTTPTransport { Task { try? await http.shutdown() } } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (writer, parity) in [(client, 0), (second, 1)] {
                    group.addTask {
                        for step in 0..<200 {
                            let timestamp = 2 * step + parity + 1
                            _ = try await writer.call(.record(.alias("shared"), [(timestamp, .int(timestamp))]))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let points = try await client.points(.alias("shared"), ReadOptions(sort: .asc, limit: 1000))
            #expect(points.map(\.timestamp) == Array(1...400))
        }
    }
}
