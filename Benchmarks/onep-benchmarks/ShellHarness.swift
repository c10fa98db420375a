import OneP
import Shell
import Synchronization

/// A shell on the counting transport as the root client, its results going to `output`.
func makeShell(transport: CountingTransport, auth: Auth, label: String, output: OutputSink) throws -> ShellRunner {
    guard let cik = auth.cik else { throw BenchmarkFailure("the shell scenarios need a CIK") }
    var configuration = ShellConfiguration(endpoint: Endpoint(description: label, transport: transport), output: output)
    configuration.cik = cik
    configuration.catchesInterrupts = false
    return ShellRunner(configuration: configuration)
}

/// Standard output that is counted and thrown away, so rendering is measured without a terminal or a
/// growing buffer; standard error is kept for the failure message.
final class DiscardingOutput: Sendable {
    private let bytes = Atomic<Int>(0)
    private let lines = Atomic<Int>(0)
    private let errors = Mutex("")

    var sink: OutputSink {
        OutputSink(
            writeOut: { [self] text in
                bytes.add(text.utf8.count, ordering: .relaxed)
                lines.add(text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }, ordering: .relaxed)
            },
            writeErr: { [self] text in errors.withLock { $0 += text } })
    }

    var lineCount: Int { lines.load(ordering: .relaxed) }
    var byteCount: Int { bytes.load(ordering: .relaxed) }
    var stderr: String { errors.withLock { $0 } }
}
