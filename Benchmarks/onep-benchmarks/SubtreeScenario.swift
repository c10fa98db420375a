import Foundation
import OneP
import OnePJSON
import Shell

/// The subtree commands on the tree scenario's 5,000 resources (three levels under one client),
/// each in a fresh shell beside a `tree` of the same tree: requests, time, and time as a multiple
/// of the tree's. Issue 14's targets: `find` and `dump` (no data) at most 2·depth+2 requests and
/// 2× the tree's time, `copy` (no data) 5×.
///
/// A single run says more about the machine's load than about the command, so the commands run
/// in turns (`ONEP_BENCH_SUBTREE_TURNS`, default 11) after one turn of warm-up, each turn every
/// command once, tree first: a command's ratio is the median of its turns' ratios to that turn's
/// tree, and its time the median of its turns. Copy runs in the first measured turn only
/// (`ONEP_BENCH_SUBTREE_COPY_TURNS` for more; see ``run()``). `ONEP_BENCH_SUBTREE_ONLY=dump,copy`
/// keeps tree and the commands whose titles start with those words (for profiling one of them).
struct SubtreeScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String
    let directory: String

    func run() async throws -> [String] {
        let name = "subtree-\(label)"
        _ = try await ResourceTree.build(named: name, client: RPCClient(transport: transport, auth: auth))
        let limits = JSON.object(JSONObject(["client", "dataport", "datarule", "dispatch"].map { ($0, JSON.string("inherit")) }))
        let client = RPCClient(transport: transport, auth: auth)
        let copies = try await client.call(.create(.me, type: .client, description: ["name": .string("copies-\(label)"), "limits": limits]))
        guard let copiesRID = copies?.stringValue else { throw OnePError.malformedAnswer("create answered no RID") }
        let file = directory + "/subtree-\(label).json"
        let commands = Self.chosen([
            ("tree", "tree \(name)"),
            ("find by type and name", "find --in \(name) --type dataport --name p47"),
            ("find by name or alias", "find --in \(name) p47"),
            ("dump", "dump \(name) --file \(file)"),
            ("copy", "copy \(name) copies-\(label)"),
        ])
        // Each turn's measurements by command; nil where the command sat the turn out.
        var turns: [[Measurement?]] = []
        for turn in 0...Self.turns {
            var measured: [Measurement?] = []
            for (title, line) in commands {
                // A copy leaves history behind even once dropped, and each one copies more slowly
                // than the last: copy runs only in the first measured turns, on a platform as
                // fresh as the other commands leave it, so its figure means what it always did.
                let runs = title != "copy" || (1...Self.copyTurns).contains(turn)
                measured.append(runs ? try await once(title, line) : nil)
            }
            try await dropChildren(of: copiesRID, client: client)
            // The first turn warms up: caches, the page cache, the allocator.
            if turn > 0 { turns.append(measured) }
        }
        try? FileManager.default.removeItem(atPath: file)
        return commands.indices.map { index in
            let paired = turns.compactMap { turn in turn[index].flatMap { run in turn[0].map { (run, $0) } } }
            let ratios = paired.map { run, tree in run.seconds / max(tree.seconds, 1e-9) }
            let cpuRatios = paired.compactMap { run, tree in run.cpu.flatMap { cpu in tree.cpu.map { cpu / max($0, 1e-9) } } }
            return Self.line(paired.map(\.0), ratios: ratios, cpuRatios: cpuRatios)
        }
    }

    /// `NAME: R requests, median T ms (min–max) of N turns, W ms waiting for answers, C ms CPU (X× tree, from–to; CPU Y× tree)`.
    private static func line(_ runs: [Measurement], ratios: [Double], cpuRatios: [Double]) -> String {
        let times = runs.map { $0.seconds * 1000 }.sorted()
        var text = "\(runs[0].name): \(runs[0].requests) requests, median \(Int(median(times).rounded())) ms "
        text += "(\(Int(times[0].rounded()))–\(Int(times[times.count - 1].rounded()))) of \(runs.count) turn\(runs.count == 1 ? "" : "s")"
        let waited = runs.compactMap(\.waited).map { seconds($0) * 1000 }
        if !waited.isEmpty { text += ", \(Int(median(waited).rounded())) ms waiting for answers" }
        let cpu = runs.compactMap(\.cpu).map { $0 * 1000 }
        if !cpu.isEmpty { text += ", \(Int(median(cpu).rounded())) ms CPU" }
        let sorted = ratios.sorted()
        text += String(format: " (%.2f× tree, %.2f–%.2f", median(sorted), sorted[0], sorted[sorted.count - 1])
        if !cpuRatios.isEmpty { text += String(format: "; CPU %.2f× tree", median(cpuRatios)) }
        return text + ")"
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Turns measured after the warm-up; `ONEP_BENCH_SUBTREE_TURNS` overrides the 11.
    static var turns: Int {
        max(1, ProcessInfo.processInfo.environment["ONEP_BENCH_SUBTREE_TURNS"].flatMap(Int.init) ?? 11)
    }

    /// Turns copy is measured in; `ONEP_BENCH_SUBTREE_COPY_TURNS` overrides the 1.
    static var copyTurns: Int {
        max(1, ProcessInfo.processInfo.environment["ONEP_BENCH_SUBTREE_COPY_TURNS"].flatMap(Int.init) ?? 1)
    }

    /// Tree and the commands `ONEP_BENCH_SUBTREE_ONLY` names (every one when it is unset).
    private static func chosen(_ commands: [(String, String)]) -> [(String, String)] {
        guard let only = ProcessInfo.processInfo.environment["ONEP_BENCH_SUBTREE_ONLY"], !only.isEmpty else { return commands }
        let words = only.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return commands.enumerated().filter { index, command in index == 0 || words.contains { command.0.hasPrefix($0) } }.map(\.element)
    }

    private func dropChildren(of rid: String, client: RPCClient) async throws {
        let listing = try await client.call(.listing(.rid(rid), types: [.client]))
        let children = (listing?[0]?.arrayValue ?? []).compactMap(\.stringValue)
        for result in try await client.batch(children.map { .drop(.rid($0)) }) { _ = try result.get() }
    }

    /// Runs one line in a fresh shell that has seen nothing of the tree.
    private func once(_ title: String, _ line: String) async throws -> Measurement {
        guard let cik = auth.cik else { throw OnePError.malformedAnswer("the subtree scenario needs a CIK") }
        let buffer = OutputBuffer()
        var configuration = ShellConfiguration(endpoint: Endpoint(description: label, transport: transport), output: .capturing(buffer))
        configuration.cik = cik
        configuration.catchesInterrupts = false
        let shell = ShellRunner(configuration: configuration)
        defer { Task { await shell.shutdown() } }
        return try await measure("\(label) \(title), 5,000 resources", transport: transport, calls: 0, points: 0) {
            let outcome = await shell.run(line: line)
            guard outcome.succeeded else { throw OnePError.malformedAnswer("\(line) failed: \(buffer.stderr)") }
        }
    }
}
