import LineEditor

/// Replays prepared input, so the shell can be tested without a terminal.
///
/// It records the prompts it was shown and the lines added to history, which lets tests check
/// what the shell asks for and what it remembers (for example that secrets are left out).
package final class ScriptedLineReader: LineReader {
    private var pending: ArraySlice<LineReadResult>

    /// Prompts passed to ``readLine(prompt:)``, in order, including the one that met the end of input.
    package private(set) var prompts: [String] = []
    /// Lines as a history file would keep them (``addHistory(_:savedAs:)``'s `saved`), in order,
    /// since the last ``clearHistory()``.
    package private(set) var history: [String] = []
    /// Lines as Up would recall them, in order, since the last ``clearHistory()``.
    package private(set) var recall: [String] = []

    package var completer: (@Sendable (CompletionRequest) -> CompletionResult)?
    package let isInteractive: Bool

    /// Replays `lines`, then reports the end of input.
    package convenience init(lines: [String], isInteractive: Bool = false) {
        self.init(results: lines.map { .line($0) }, isInteractive: isInteractive)
    }

    /// Replays `results` as given (use `.interrupted` to script a Ctrl-C), then reports the end of input.
    package init(results: [LineReadResult], isInteractive: Bool = false) {
        self.pending = results[...]
        self.isInteractive = isInteractive
    }

    package func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return pending.popFirst() ?? .endOfFile
    }

    package func addHistory(_ line: String, savedAs saved: String) {
        recall.append(line)
        history.append(saved)
    }

    /// Empties ``history``, as a line editor forgets its recall list.
    package func clearHistory() {
        history = []
        recall = []
    }

    /// Asks the installed completer what Tab would offer with `line` and the cursor at `cursor`
    /// (default: the end of the line); nil when no completer is installed.
    package func complete(_ line: String, cursor: Int? = nil) -> CompletionResult? {
        completer?(CompletionRequest(line: line, cursor: cursor ?? line.count))
    }
}
