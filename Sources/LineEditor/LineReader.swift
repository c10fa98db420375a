/// What one call to ``LineReader/readLine(prompt:)`` produced.
public enum LineReadResult: Sendable, Equatable {
    /// A line the user entered, without its line terminator.
    case line(String)
    /// Ctrl-C at the prompt: whatever was typed is discarded and the caller shows a fresh prompt.
    case interrupted
    /// Ctrl-D on an empty line, or the end of non-interactive input.
    case endOfFile
}

/// The state of the line when the user asks for completion.
public struct CompletionRequest: Sendable, Equatable {
    /// The whole line being edited.
    public let line: String
    /// Cursor position, counted in Characters from the start of ``line``.
    public let cursor: Int

    public init(line: String, cursor: Int) {
        self.line = line
        self.cursor = min(max(cursor, 0), line.count)
    }

    /// The part of ``line`` left of the cursor: what a completer usually looks at.
    public var textBeforeCursor: String {
        String(line.prefix(cursor))
    }
}

/// A completer's answer: which text before the cursor to replace, and with what.
public struct CompletionResult: Sendable, Equatable {
    /// How many Characters immediately before the cursor the candidates replace (the word being completed).
    public var replacing: Int
    /// Full replacements for those Characters; empty when nothing matches.
    public var candidates: [String]

    public init(replacing: Int, candidates: [String]) {
        self.replacing = replacing
        self.candidates = candidates
    }
}

/// A source of command lines: a terminal with editing, a plain stream, or a script in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (when the reader is interactive) and returns the next line.
    func readLine(prompt: String) -> LineReadResult
    /// Records a line for history recall as it was typed, and for the history file (when there is
    /// one) as `saved`, which may have secrets masked: Up recalls what this session typed, while
    /// nothing secret reaches the disk.
    func addHistory(_ line: String, savedAs saved: String)
    /// Forgets the lines kept for recall, after the user cleared the history.
    func clearHistory()
    /// Called on Tab with the line and cursor; nil disables completion.
    var completer: (@Sendable (CompletionRequest) -> CompletionResult)? { get set }
    /// True when a person is typing at a terminal with line editing.
    var isInteractive: Bool { get }
}

extension LineReader {
    /// Records a line that is recalled and saved the same.
    public func addHistory(_ line: String) {
        addHistory(line, savedAs: line)
    }

    /// Readers that keep nothing for recall have nothing to forget.
    public func clearHistory() {}
}
