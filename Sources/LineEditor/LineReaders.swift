/// Chooses the right ``LineReader`` for how onep was started.
public enum LineReaders {
    /// An ``EditLineReader`` when a person is at a capable terminal, else a ``PlainLineReader`` on
    /// standard input.
    ///
    /// Plain reading is used when standard input is not a terminal (pipes, files), when `TERM` is
    /// unset or `dumb` (editors' shell buffers, which do their own editing), and when libedit
    /// cannot start — the last with a warning on standard error.
    public static func standard(historyFile: String?) -> any LineReader {
        guard wantsLineEditing(terminal: SystemCalls.environment("TERM")) else {
            return PlainLineReader()
        }
        do {
            return try EditLineReader(historyFile: historyFile)
        } catch {
            SystemCalls.writeStandardError("onep: warning: \(error); reading plain lines\n")
            return PlainLineReader()
        }
    }

    private static func wantsLineEditing(terminal: String?) -> Bool {
        guard let terminal, !terminal.isEmpty, terminal != "dumb" else { return false }
        return isTerminal(SystemCalls.standardInput)
            && (isTerminal(SystemCalls.standardOutput) || isTerminal(SystemCalls.standardError))
    }
}
