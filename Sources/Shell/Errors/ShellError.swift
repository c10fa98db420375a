/// Everything the shell itself can refuse, with the data needed to explain it.
///
/// The cases stay private so new ones can be added freely; ``ShellMessage`` is the one place
/// that turns them into text and an exit code.
public struct ShellError: Error, Sendable {
    enum Kind: Sendable {
        case unterminatedQuote(String, position: Int)
        case unterminatedJSON(position: Int)
        case undefinedVariable(String)
        case unknownCommand(String, suggestions: [String])
        case unknownSubcommand(command: String, word: String, choices: [String])
        case missingSubcommand(command: String, choices: [String])
        case unknownOption(command: String, option: String, suggestions: [String])
        case missingArgument(command: String, argument: String)
        case missingOptionValue(command: String, option: String)
        case conflictingOption(command: String, option: String, reason: String)
        case tooManyArguments(command: String, extra: String)
        case invalidValue(command: String, argument: String, value: String, expected: String)
        case badTime(String)
        /// A wall-clock time the session's zone skips or shows twice.
        case badLocalTime(String, reason: String)
        case unknownZone(String, suggestions: [String])
        case badJSON(String, reason: String)
        case badPath(String, reason: String)
        case notFound(path: String, segment: String)
        case ambiguousName(segment: String, choices: [String])
        case notAuthenticated
        case noVendor
        case unknownKey(String, known: [String])
        case declined(command: String)
        case file(path: String, reason: String)
        case failed(String)
        /// A value the platform refuses (or refused), said with the argument that carried it
        /// (``RefusalTable``); found before sending, it is a mistake in how the command was written.
        case refused(String, beforeSending: Bool)
        case interrupted
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    static func unterminatedQuote(_ quote: String, position: Int) -> ShellError { .init(.unterminatedQuote(quote, position: position)) }
    static func unterminatedJSON(position: Int) -> ShellError { .init(.unterminatedJSON(position: position)) }
    static func undefinedVariable(_ name: String) -> ShellError { .init(.undefinedVariable(name)) }
    static func badTime(_ text: String) -> ShellError { .init(.badTime(text)) }
    static func badJSON(_ text: String, reason: String) -> ShellError { .init(.badJSON(text, reason: reason)) }
    static func failed(_ message: String) -> ShellError { .init(.failed(message)) }
    static func file(_ path: String, _ reason: String) -> ShellError { .init(.file(path: path, reason: reason)) }

    /// True when the error comes from how the command was written rather than from running it.
    var isUsageError: Bool {
        switch kind {
        case .unterminatedQuote, .unterminatedJSON, .undefinedVariable, .unknownCommand, .unknownSubcommand, .missingSubcommand, .unknownOption,
            .missingArgument, .missingOptionValue, .conflictingOption, .tooManyArguments, .invalidValue, .badTime, .badLocalTime, .unknownZone,
            .badJSON, .badPath:
            return true
        case .refused(_, let beforeSending):
            return beforeSending
        default:
            return false
        }
    }

    /// The command whose usage line helps with this error, if any.
    var commandForUsage: String? {
        switch kind {
        case .missingArgument(let command, _), .missingOptionValue(let command, _), .conflictingOption(let command, _, _),
            .tooManyArguments(let command, _),
            .unknownOption(let command, _, _), .invalidValue(let command, _, _, _):
            return command
        default:
            return nil
        }
    }
}

extension ShellError: CustomStringConvertible {
    public var description: String { ShellMessage(error: self).text }
}
