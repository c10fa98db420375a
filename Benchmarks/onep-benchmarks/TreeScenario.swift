import Foundation
import OneP
import OnePJSON
import Shell

/// `tree` through the shell over the 5,000 resources of a ``ResourceTree``.
struct TreeScenario {
    let transport: CountingTransport
    let auth: Auth
    let label: String

    func run() async throws -> Measurement {
        let client = RPCClient(transport: transport, auth: auth)
        _ = try await ResourceTree.build(named: "tree-\(label)", client: client)
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
            guard lines == ResourceTree.resources + 1 else { throw OnePError.malformedAnswer("tree printed only \(lines) lines") }
        }
        // The quickest run says most about the code; the others mostly about the machine's load.
        return runs.min { $0.elapsed < $1.elapsed } ?? runs[0]
    }

    /// How many times the tree is drawn; `ONEP_BENCH_TREE_RUNS` overrides the one run.
    static var runs: Int {
        max(1, ProcessInfo.processInfo.environment["ONEP_BENCH_TREE_RUNS"].flatMap(Int.init) ?? 1)
    }
}
