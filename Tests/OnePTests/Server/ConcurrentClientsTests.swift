import Foundation
import OneP
import OnePJSON
import OnePlatformServer
import Synchronization
import Testing

/// Fifty clients writing at once over HTTP — to one shared dataport and each to its own — while
/// others create, move and drop resources: nothing acknowledged is lost, and every request is
/// answered `ok` (no 5xx, no busy database leaking out).
///
/// The suite runs a short form; `ONEP_STRESS_WRITES=1000 swift test --filter ConcurrentClientsTests`
/// runs the long one (50 × 1,000 writes, churn to match).
@Suite struct ConcurrentClientsTests {
    static let clients = 50
    static let writes = ProcessInfo.processInfo.environment["ONEP_STRESS_WRITES"].flatMap(Int.init) ?? 10
    static let churners = 5
    static var churns: Int { max(5, writes / 5) }

    @Test func fiftyClientsWriteWhileOthersCreateMoveAndDrop() async throws {
        try await withServer { server, fixture in
            let setup = HTTPTransport(url: server.url)
            let root = RPCClient(transport: setup, auth: fixture.rootAuth)
            let shared = try await root.makeDataport("shared", format: "integer")
            var made: [String] = []
            for index in 0..<Self.clients { made.append(try await root.makeDataport("own\(index)", format: "integer")) }
            let own = made
            let parents = [try await root.makeDevice("parent-a").rid, try await root.makeDevice("parent-b").rid]
            let failures = Mutex<[String]>([])
            let note: @Sendable (String) -> Void = { failure in failures.withLock { $0.append(failure) } }

            let started = ContinuousClock.now
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<Self.clients {
                    group.addTask {
                        await Self.write(client: index, url: server.url, auth: fixture.rootAuth, shared: shared, own: own[index], note: note)
                    }
                }
                for index in 0..<Self.churners {
                    group.addTask { await Self.churn(index, url: server.url, auth: fixture.rootAuth, parents: parents, note: note) }
                }
            }
            let elapsed = ContinuousClock.now - started

            let sharedPoints = try await root.points(.rid(shared), ReadOptions(limit: Self.clients * Self.writes + 1))
            #expect(sharedPoints.count == Self.clients * Self.writes)
            let counts = try await root.batch(own.map { .read(.rid($0), ReadOptions(limit: Self.writes + 1)) })
            let ownCounts = try counts.map { try Point.list(from: try $0.get()).count }
            #expect(ownCounts == Array(repeating: Self.writes, count: Self.clients))
            let seen = failures.withLock { $0 }
            #expect(seen.isEmpty, "\(seen.count) failures, e.g. \(seen.prefix(5))")
            print(
                "concurrency: \(Self.clients) clients × \(Self.writes) writes (shared and own dataports), "
                    + "\(Self.churners) × \(Self.churns) create/move/drop rounds in \(elapsed): "
                    + "\(sharedPoints.count) shared points, \(ownCounts.reduce(0, +)) own points, \(seen.count) failures")
            try await setup.shutdown()
        }
    }

    /// One client's writes, alternating between the shared dataport and its own, one request each.
    private static func write(client: Int, url: String, auth: Auth, shared: String, own: String, note: @Sendable (String) -> Void) async {
        let transport = HTTPTransport(url: url)
        let rpc = RPCClient(transport: transport, auth: auth)
        for step in 0..<writes {
            let timestamp = 1_600_000_000 + client * 100_000 + step
            do {
                let results = try await rpc.batch([
                    .record(.rid(shared), [(timestamp, .int(step))]), .record(.rid(own), [(timestamp, .int(step))]),
                ])
                for result in results where result.status != .ok { note("record: \(result.status)") }
            } catch {
                note("record: \(error)")
            }
        }
        try? await transport.shutdown()
    }

    /// Creates a client and a dataport under a parent, moves the dataport to the other parent,
    /// drops both; every answer must be `ok`.
    private static func churn(_ index: Int, url: String, auth: Auth, parents: [String], note: @Sendable (String) -> Void) async {
        let transport = HTTPTransport(url: url)
        let rpc = RPCClient(transport: transport, auth: auth)
        for round in 0..<churns {
            let (from, to) = (parents[round % 2], parents[(round + 1) % 2])
            do {
                let dataport = try await rpc.call(
                    .create(.rid(from), type: .dataport, description: ["format": "float", "name": .string("c\(index)-\(round)")]))
                let client = try await rpc.call(.create(.rid(from), type: .client, description: ["name": .string("k\(index)-\(round)")]))
                guard let dataport = dataport?.stringValue, let client = client?.stringValue else {
                    note("create answered no RID")
                    continue
                }
                _ = try await rpc.call(.record(.rid(dataport), [(round + 1, .double(1.5))]))
                _ = try await rpc.call(.move(.rid(dataport), to: .rid(to)))
                for result in try await rpc.batch([.drop(.rid(dataport)), .drop(.rid(client))]) where result.status != .ok {
                    note("drop: \(result.status)")
                }
            } catch {
                note("churn: \(error)")
            }
        }
        try? await transport.shutdown()
    }
}
