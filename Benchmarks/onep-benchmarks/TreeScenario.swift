import Foundation
import OneP
import OnePJSON
import Shell

/// `tree` through the shell over 5,000 resources three levels deep under one client: 10 clients,
/// each holding 9 dataports and 10 clients of 48 dataports. The resources are made with batched creates.
struct TreeScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String

    static let resources = 5_000

    func run() async throws -> Measurement {
        try await build("tree-\(label)")

        guard let cik = auth.cik else { throw OnePError.malformedAnswer("the tree scenario needs a CIK") }
        // Each run is a fresh shell, end to end: learning who it is, resolving the path, the tree.
        var runs: [Measurement] = []
        for _ in 0..<Self.runs {
            let buffer = OutputBuffer()
            var configuration = ShellConfiguration(endpoint: Endpoint(description: label, transport: transport), output: .capturing(buffer))
            configuration.cik = cik
            configuration.catchesInterrupts = false
            let shell = ShellRunner(configuration: configuration)
            var lines = 0
            runs.append(
                try await measure("\(label) tree of 5,000 resources", transport: transport, calls: 0, points: 0) {
                    let outcome = await shell.run(line: "tree tree-\(label)")
                    guard outcome.succeeded else { throw OnePError.malformedAnswer("tree failed: \(buffer.stderr)") }
                    lines = buffer.take().stdout.split(separator: "\n").count
                })
            await shell.shutdown()
            guard lines == TreeScenario.resources + 1 else { throw OnePError.malformedAnswer("tree printed only \(lines) lines") }
        }
        // The quickest run says most about the code; the others mostly about the machine's load.
        return runs.min { $0.elapsed < $1.elapsed } ?? runs[0]
    }

    /// Makes the tree under a new client of the caller named `name`, batched.
    func build(_ name: String) async throws {
        let client = RPCClient(transport: transport, auth: auth)
        let container = try await create(.client, [(.me, name)], client: client)[0]
        let top = try await create(.client, (0..<10).map { (ResourceID.rid(container), "c\($0)") }, client: client)
        let middle = try await create(.client, top.flatMap { parent in (0..<10).map { (ResourceID.rid(parent), "sub\($0)") } }, client: client)
        let dataports =
            top.flatMap { parent in (0..<9).map { (ResourceID.rid(parent), "p\($0)") } }
            + middle.flatMap { parent in (0..<48).map { (ResourceID.rid(parent), "p\($0)") } }
        let made = top.count + middle.count + (try await create(.dataport, dataports, client: client)).count
        guard made == TreeScenario.resources else { throw OnePError.malformedAnswer("built \(made) resources") }
    }

    /// How many times the tree is drawn; `ONEP_BENCH_TREE_RUNS` overrides the one run.
    static var runs: Int {
        max(1, ProcessInfo.processInfo.environment["ONEP_BENCH_TREE_RUNS"].flatMap(Int.init) ?? 1)
    }

    /// Creates one resource per item, a thousand creates per request; answers the new RIDs in order.
    private func create(_ type: ResourceType, _ items: [(parent: ResourceID, name: String)], client: RPCClient) async throws -> [String] {
        var rids: [String] = []
        for start in stride(from: 0, to: items.count, by: 1_000) {
            let calls = items[start..<min(start + 1_000, items.count)].map { item in
                Call.create(item.parent, type: type, description: TreeScenario.description(type, name: item.name))
            }
            for result in try await client.batch(calls) {
                guard let rid = try result.get()?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
                rids.append(rid)
            }
        }
        return rids
    }

    /// Clients inherit their owner's limits so that they may hold children of their own.
    static func description(_ type: ResourceType, name: String) -> JSON {
        guard type == .client else { return ["format": "integer", "name": .string(name)] }
        let kinds = ["client", "dataport", "datarule", "dispatch", "disk", "share"]
        return ["name": .string(name), "limits": .object(JSONObject(kinds.map { ($0, JSON.string("inherit")) }))]
    }
}
