import Synchronization

/// Copies what commands print while it is open, so a transcript can pair each command with its
/// output. Everything still reaches the real sink.
final class OutputTap: Sendable {
    private struct State {
        var captured = ""
        var open = false
    }

    /// Where standard output goes instead of the sink while a command's output is redirected.
    private let redirect = Mutex<OutputRedirect?>(nil)

    /// Sends standard output to `target` (nil: back to the sink).
    func redirect(to target: OutputRedirect?) {
        redirect.withLock { $0 = target }
    }

    var isRedirected: Bool { redirect.withLock { $0 != nil } }

    private let state = Mutex(State())

    /// Starts collecting, forgetting anything from before.
    func begin() {
        state.withLock { $0 = State(captured: "", open: true) }
    }

    /// Stops collecting and returns what was printed (standard output and error, interleaved as written).
    func end() -> String {
        state.withLock { state in
            defer { state = State() }
            return state.captured
        }
    }

    /// Whether output is being collected.
    var isOpen: Bool { state.withLock { $0.open } }

    func append(_ text: String) {
        state.withLock { state in
            if state.open { state.captured += text }
        }
    }

    /// `sink` with every write also copied here.
    func wrapping(_ sink: OutputSink) -> OutputSink {
        OutputSink(
            isTerminal: sink.isTerminal,
            writeOut: { [self] text in
                append(text)
                if let target = redirect.withLock({ $0 }) {
                    target.write(text)
                } else {
                    sink.writeOut(text)
                }
            },
            writeErr: { [self] text in
                append(text)
                sink.writeErr(text)
            })
    }
}
