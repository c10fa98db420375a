import Foundation
import OneP
import OnePJSON
import Shell

/// The subtree commands on the tree scenario's 5,000 resources (three levels under one client),
/// each in a fresh shell beside a `tree` of the same tree: requests, time, and time as a multiple
/// of the tree's. Issue 14's targets: `find` and `dump` (no data) at most 2·depth+2 requests and
/// 2× the tree's time, `copy` (no data) 5×.
struct SubtreeScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String
    let directory: String

    func run() async throws -> [String] {
        let name = "subtree-\(label)"
        _ = try await ResourceTree.build(named: name, client: RPCClient(transport: transport, auth: auth))
        let limits = JSON.object(JSONObject(["client", "dataport", "datarule", "dispatch"].map { ($0, JSON.string("inherit")) }))
        _ = try await RPCClient(transport: transport, auth: auth).call(
            .create(.me, type: .client, description: ["name": .string("copies-\(label)"), "limits": limits]))
        let file = directory + "/subtree-\(label).json"
        let commands: [(String, String)] = [
            ("tree", "tree \(name)"),
            ("find by type and name", "find --in \(name) --type dataport --name p47"),
            ("find by name or alias", "find --in \(name) p47"),
            ("dump", "dump \(name) --file \(file)"),
            ("copy", "copy \(name) copies-\(label)"),
        ]
        var lines: [String] = []
        var tree: Measurement?
        for (title, line) in commands {
            // The quickest of `ONEP_BENCH_TREE_RUNS` runs (default 1): on a shared machine the others
            // say more about its load than about the command.
            var runs: [Measurement] = []
            for _ in 0..<TreeScenario.runs { runs.append(try await once(title, line)) }
            let measured = runs.min { $0.elapsed < $1.elapsed } ?? runs[0]
            if tree == nil { tree = measured }
            var ratio = ""
            if let tree {
                ratio = String(format: " (%.2f× tree", measured.seconds / max(tree.seconds, 1e-9))
                if let cpu = measured.cpu, let treeCPU = tree.cpu { ratio += String(format: "; CPU %.2f× tree", cpu / max(treeCPU, 1e-9)) }
                ratio += ")"
            }
            lines.append(measured.line + ratio)
        }
        try? FileManager.default.removeItem(atPath: file)
        return lines
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
