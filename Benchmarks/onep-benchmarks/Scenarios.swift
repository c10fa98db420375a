import OneP
import OnePJSON

/// The named workloads, run against whatever platform the client reaches.
struct Scenarios {
    let client: RPCClient
    let transport: CountingTransport
    let label: String

    func makeDataport(_ alias: String) async throws {
        let rid = try await client.call(.create(.me, type: .dataport, description: ["format": "integer", "name": .string(alias)]))
        guard let rid = rid?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
        _ = try await client.call(.map(.rid(rid), alias: alias))
    }

    /// 10,000 requests of one write each, one after the other on a kept-alive connection.
    func singleWrites() async throws -> Measurement {
        try await makeDataport("single-\(label)")
        let count = 10_000
        return try await measure("\(label) single-call writes", transport: transport, calls: count, points: count) {
            for value in 0..<count {
                _ = try await client.call(.write(.alias("single-\(label)"), value: .int(value)))
            }
        }
    }

    /// 100 requests of 100 write calls each, one call per dataport.
    func batchedWrites() async throws -> Measurement {
        let aliases = (0..<100).map { "batch-\(label)-\($0)" }
        for alias in aliases { try await makeDataport(alias) }
        return try await measure("\(label) 100x100 batched writes", transport: transport, calls: 10_000, points: 10_000) {
            for value in 0..<100 {
                let results = try await client.batch(aliases.map { .write(.alias($0), value: .int(value)) })
                for result in results { _ = try result.get() }
            }
        }
    }

    /// One read of 100,000 points, recorded beforehand in chunks.
    func largeRead() async throws -> Measurement {
        let alias = "large-\(label)"
        try await makeDataport(alias)
        for chunk in stride(from: 1, through: 100_000, by: 10_000) {
            let entries = (chunk..<chunk + 10_000).map { ($0, JSON.int($0)) }
            _ = try await client.call(.recordbatch(.alias(alias), entries))
        }
        var received = 0
        let measurement = try await measure("\(label) read of 100,000 points", transport: transport, calls: 1, points: 100_000) {
            received = try Point.list(from: try await client.call(.read(.alias(alias), ReadOptions(sort: .asc, limit: 100_000)))).count
        }
        guard received == 100_000 else { throw OnePError.malformedAnswer("read answered \(received) points") }
        return measurement
    }
}
