import Synchronization

/// Copies what commands print while it is open, so a transcript can pair each command with its
/// output. Everything still reaches the real sink.
final class OutputTap: Sendable {
    private struct State {
        var captured = ""
        var open = false
    }

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
                sink.writeOut(text)
            },
            writeErr: { [self] text in
                append(text)
                sink.writeErr(text)
            })
    }
}
