/// Why an ``EditLineReader`` could not be set up.
public struct LineEditorError: Error, Sendable, Equatable {
    private enum Reason: Sendable, Equatable {
        case notATerminal
        case editorUnavailable
        case historyUnavailable
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// Standard input is not a terminal, or neither standard output nor standard error is one.
    public static let notATerminal = LineEditorError(.notATerminal)
    /// libedit could not initialise (for example, it found no usable terminal description).
    public static let editorUnavailable = LineEditorError(.editorUnavailable)
    /// libedit could not allocate its history.
    public static let historyUnavailable = LineEditorError(.historyUnavailable)
}

extension LineEditorError: CustomStringConvertible {
    public var description: String {
        switch reason {
        case .notATerminal:
            "line editing needs a terminal on standard input and on standard output or standard error"
        case .editorUnavailable:
            "the line editor (libedit) could not be initialised for this terminal"
        case .historyUnavailable:
            "the line editor (libedit) could not allocate its history"
        }
    }
}
