/// Replays prepared input, so the shell can be tested without a terminal.
///
/// It records the prompts it was shown and the lines added to history, which lets tests check
/// what the shell asks for and what it remembers (for example that secrets are left out).
public final class ScriptedLineReader: LineReader {
    private var pending: ArraySlice<LineReadResult>

    /// Prompts passed to ``readLine(prompt:)``, in order, including the one that met the end of input.
    public private(set) var prompts: [String] = []
    /// Lines passed to ``addHistory(_:)``, in order, since the last ``clearHistory()``.
    public private(set) var history: [String] = []

    public var completer: (@Sendable (CompletionRequest) -> CompletionResult)?
    public let isInteractive: Bool

    /// Replays `lines`, then reports the end of input.
    public convenience init(lines: [String], isInteractive: Bool = false) {
        self.init(results: lines.map { .line($0) }, isInteractive: isInteractive)
    }

    /// Replays `results` as given (use `.interrupted` to script a Ctrl-C), then reports the end of input.
    public init(results: [LineReadResult], isInteractive: Bool = false) {
        self.pending = results[...]
        self.isInteractive = isInteractive
    }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return pending.popFirst() ?? .endOfFile
    }

    public func addHistory(_ line: String) {
        history.append(line)
    }

    /// Empties ``history``, as a line editor forgets its recall list.
    public func clearHistory() {
        history = []
    }

    /// Asks the installed completer what Tab would offer with `line` and the cursor at `cursor`
    /// (default: the end of the line); nil when no completer is installed.
    public func complete(_ line: String, cursor: Int? = nil) -> CompletionResult? {
        completer?(CompletionRequest(line: line, cursor: cursor ?? line.count))
    }
}
