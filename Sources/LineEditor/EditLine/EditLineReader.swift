/// Reads lines from a terminal with libedit: editing keys (emacs by default, vi through
/// `~/.editrc`), UTF-8 text including wide characters, history recall with a history file, and
/// Tab completion through ``completer``.
///
/// Ctrl-C discards the line being typed and returns ``LineReadResult/interrupted``; Ctrl-D on an
/// empty line returns ``LineReadResult/endOfFile``. While the reader exists it holds
/// ``InterruptMonitor/shared``, so SIGINT between commands is dropped rather than fatal.
public final class EditLineReader: LineReader {
    private let session: EditLineSession

    /// - Parameters:
    ///   - programName: The name `~/.editrc` sections use to address this program.
    ///   - historyFile: Where history is loaded from and each entered line appended (created with
    ///     mode 0600); nil keeps history in memory only. Problems with the file are reported on
    ///     standard error and do not fail the reader.
    /// - Throws: ``LineEditorError/notATerminal`` when there is no terminal to edit on, or
    ///   ``LineEditorError/editorUnavailable`` when libedit cannot start.
    public init(programName: String = "onep", historyFile: String?) throws {
        guard isTerminal(SystemCalls.standardInput), isTerminal(SystemCalls.standardOutput) || isTerminal(SystemCalls.standardError),
            let configuration = EditLineSession.Configuration.standard()
        else {
            throw LineEditorError.notATerminal
        }
        let history = try HistoryStore(path: historyFile, programName: programName)
        session = try EditLineSession(programName: programName, history: history, configuration: configuration)
        // A Ctrl-C typed just before or after a command (outside the prompt and outside
        // InterruptMonitor.run) must not end an interactive session.
        InterruptMonitor.shared.hold()
    }

    deinit {
        InterruptMonitor.shared.release()
    }

    public var completer: (@Sendable (CompletionRequest) -> CompletionResult)? {
        get { session.completer }
        set { session.completer = newValue }
    }

    public var isInteractive: Bool { true }

    public func readLine(prompt: String) -> LineReadResult {
        session.readLine(prompt: prompt)
    }

    public func addHistory(_ line: String, savedAs saved: String) {
        session.addHistory(line, savedAs: saved)
    }

    public func clearHistory() {
        session.clearHistory()
    }
}
