import Foundation

/// Copies what commands print while it is open, so a transcript can pair each command with its
/// output. Everything still reaches the real sink.
// @unchecked Sendable: `captured` and `open` are only touched while holding `lock`.
final class OutputTap: @unchecked Sendable {
    private let lock = NSLock()
    private var captured = ""
    private var open = false

    /// Starts collecting, forgetting anything from before.
    func begin() {
        lock.withLock {
            captured = ""
            open = true
        }
    }

    /// Stops collecting and returns what was printed (standard output and error, interleaved as written).
    func end() -> String {
        lock.withLock {
            open = false
            defer { captured = "" }
            return captured
        }
    }

    func append(_ text: String) {
        lock.withLock {
            if open { captured += text }
        }
    }

    /// `sink` with every write also copied here.
    func wrapping(_ sink: OutputSink) -> OutputSink {
        OutputSink(
            isTerminal: sink.isTerminal,
            writeOut: { [self] text in
                append(text)
                sink.writeOut(text)
            },
            writeErr: { [self] text in
                append(text)
                sink.writeErr(text)
            })
    }
}
