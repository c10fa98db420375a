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
        let buffer = OutputBuffer()
        var configuration = ShellConfiguration(endpoint: Endpoint(description: label, transport: transport), output: .capturing(buffer))
        configuration.cik = cik
        configuration.catchesInterrupts = false
        let shell = ShellRunner(configuration: configuration)
        var lines = 0
        let measurement = try await measure("\(label) tree of 5,000 resources", transport: transport, calls: 0, points: 0) {
            let outcome = await shell.run(line: "tree tree-\(label)")
            guard outcome.succeeded else { throw OnePError.malformedAnswer("tree failed: \(buffer.stderr)") }
            lines = buffer.take().stdout.split(separator: "\n").count
        }
        await shell.shutdown()
        guard lines == ResourceTree.resources + 1 else { throw OnePError.malformedAnswer("tree printed only \(lines) lines") }
        return measurement
    }
}
