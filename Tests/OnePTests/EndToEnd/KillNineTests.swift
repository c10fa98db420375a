import Foundation
import GRDB
import OneP
import OnePFuzz
import OnePJSON
import Synchronization
import TestSupport
import Testing

/// A real `onep serve` killed with SIGKILL at random moments while clients write: after a restart
/// every acknowledged create, alias and point is there, and the database passes SQLite's
/// integrity check.
///
/// The suite runs three kills; `ONEP_KILL9_ROUNDS=25 swift test --filter KillNineTests` runs more.
/// The seed is printed, and `ONEP_KILL9_SEED` replays a run's kill moments.
@Suite(.serialized) struct KillNineTests {
    static let rounds = ProcessInfo.processInfo.environment["ONEP_KILL9_ROUNDS"].flatMap(Int.init) ?? 3
    static let writers = 4

    @Test func everyAcknowledgedWriteSurvivesAKill() async throws {
        let temporary = try TemporaryDirectory()
        let directory = temporary.url
        defer { try? FileManager.default.removeItem(at: directory) }
        let seed = ProcessInfo.processInfo.environment["ONEP_KILL9_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999)
        var random = SplitMix64(seed: seed)
        let ledger = Ledger()
        for round in 0..<Self.rounds {
            let serve = try await StartedServe.start(directory: directory)
            let writing = (0..<Self.writers).map { writer in
                Task { await Self.write(round: round, writer: writer, serve: serve, ledger: ledger) }
            }
            // Real time on purpose: the kill must land at an unplanned moment of real writes.
            try await Task.sleep(for: .milliseconds(Int.random(in: 150...700, using: &random)))
            try await serve.kill()
            for task in writing { await task.value }
        }

        let serve = try await StartedServe.start(directory: directory)
        let transport = HTTPTransport(url: serve.url)
        let client = RPCClient(transport: transport, auth: .cik(serve.rootCIK))
        let facts = ledger.facts
        var foundPoints = 0
        for (rid, points) in facts.points {
            let stored = try await client.points(.rid(rid), ReadOptions(sort: .asc, limit: points.count + 10_000))
            let kept = Set(stored.map(\.timestamp))
            foundPoints += points.filter { kept.contains($0) }.count
        }
        let aliases = try await client.batch(facts.aliases.map { .lookup(.me, .alias($0.alias)) })
        let foundAliases = zip(facts.aliases, aliases).filter { fact, answer in (try? answer.get())?.stringValue == fact.rid }.count
        let infos = try await client.batch(facts.created.map { .info(.rid($0), options: [.basic]) })
        let foundCreated = infos.filter { $0.status == .ok }.count
        try await transport.shutdown()
        #expect(try await serve.process.stop() == 0)
        let integrity = try await DatabaseQueue(path: directory.appendingPathComponent("onep.sqlite").path).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }

        let acknowledgedPoints = facts.points.values.map(\.count).reduce(0, +)
        print(
            "kill -9: seed \(seed), \(Self.rounds) kills; acknowledged \(acknowledgedPoints) points, \(facts.created.count) creates, "
                + "\(facts.aliases.count) aliases; found \(foundPoints), \(foundCreated), \(foundAliases); integrity \(integrity)")
        #expect(acknowledgedPoints > 0)
        #expect(foundPoints == acknowledgedPoints, "seed \(seed)")
        #expect(foundCreated == facts.created.count, "seed \(seed)")
        #expect(foundAliases == facts.aliases.count, "seed \(seed)")
        #expect(integrity == ["ok"])
    }

    /// Creates a dataport, maps an alias to it and records points in batches until the server
    /// dies, noting each only once the platform acknowledged it.
    private static func write(round: Int, writer: Int, serve: StartedServe, ledger: Ledger) async {
        let transport = HTTPTransport(url: serve.url, timeout: .seconds(5))
        let client = RPCClient(transport: transport, auth: .cik(serve.rootCIK))
        var timestamp = 1_000_000 * (round * writers + writer + 1)
        do {
            while true {
                let alias = "r\(round)w\(writer)-\(timestamp)"
                let description: JSON = ["format": "integer", "name": .string(alias)]
                guard let rid = try await client.call(.create(.me, type: .dataport, description: description))?.stringValue else { return }
                ledger.created(rid)
                _ = try await client.call(.map(.rid(rid), alias: alias))
                ledger.mapped(alias, to: rid)
                for _ in 0..<20 {
                    let batch = (timestamp..<timestamp + 10).map { ($0, JSON.int($0)) }
                    _ = try await client.call(.record(.rid(rid), batch))
                    ledger.recorded(batch.map(\.0), in: rid)
                    timestamp += 10
                }
            }
        } catch {
            // The server was killed: the request in flight is not acknowledged.
        }
        try? await transport.shutdown()
    }
}

/// What the platform acknowledged, noted from several writers at once.
private final class Ledger: Sendable {
    struct Facts {
        var created: [String] = []
        var aliases: [(alias: String, rid: String)] = []
        var points: [String: [Int]] = [:]
    }

    // Guards the facts noted so far.
    private let state = Mutex(Facts())

    var facts: Facts { state.withLock { $0 } }

    func created(_ rid: String) { state.withLock { $0.created.append(rid) } }
    func mapped(_ alias: String, to rid: String) { state.withLock { $0.aliases.append((alias, rid)) } }
    func recorded(_ timestamps: [Int], in rid: String) { state.withLock { $0.points[rid, default: []] += timestamps } }
}
