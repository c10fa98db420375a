import OneP

/// The one place that turns any error into the line a person reads and the exit status a script sees.
struct ShellMessage {
    var text: String
    let status: ExitStatus
    /// Usage line to print under the message, for errors in how a command was written.
    var usage: String? = nil

    init(error: any Error, commands: [CommandSpec] = []) {
        if let shellError = error as? ShellError {
            self = ShellMessage(shellError: shellError, commands: commands)
        } else if let platformError = error as? OnePError {
            self = ShellMessage(platformError: platformError)
        } else if let provisionError = error as? ProvisionError {
            self = ShellMessage(provisionError: provisionError)
        } else if error is CancellationError {
            text = "interrupted"
            status = .interrupted
        } else {
            // The runner says "error: " before every message; the error's own words follow.
            text = "\(error)"
            status = .commandFailed
        }
    }

    private init(text: String, status: ExitStatus, usage: String? = nil) {
        self.text = text
        self.status = status
        self.usage = usage
    }

    private init(shellError: ShellError, commands: [CommandSpec]) {
        let status: ExitStatus
        if case .interrupted = shellError.kind {
            status = .interrupted
        } else if case .notAuthenticated = shellError.kind {
            status = .unreachable
        } else if case .noVendor = shellError.kind {
            status = .unreachable
        } else {
            status = shellError.isUsageError ? .usageError : .commandFailed
        }
        var usage: String?
        if let name = shellError.commandForUsage, let spec = commands.first(where: { $0.name == name }) {
            usage = "usage: " + UsageGenerator(spec: spec).synopsis
        }
        self.init(text: ShellMessage.describe(shellError.kind), status: status, usage: usage)
    }

    private init(platformError error: OnePError) {
        if error.isAuthRejected {
            self.init(text: "\(error): check the CIK or key, then 'auth' again", status: .unreachable)
        } else if error.kind == .timedOut {
            self.init(text: "\(error): 'set timeout SECONDS' waits longer, or 'connect' to another platform", status: .unreachable)
        } else if error.isTransportFailure {
            self.init(text: "\(error): check that the platform runs, or 'connect' to another", status: .unreachable)
        } else if case .failed(let word)? = error.callStatus, let procedure = error.procedure,
            let explanation = StatusExplanations.generic(procedure: procedure, status: word)
        {
            self.init(text: "\(error): \(explanation)", status: .commandFailed)
        } else if case .failed(let word)? = error.callStatus, let hint = ShellMessage.hint(forStatus: word) {
            self.init(text: "\(error): \(hint)", status: .commandFailed)
        } else {
            self.init(text: error.description, status: .commandFailed)
        }
    }

    private init(provisionError error: ProvisionError) {
        switch error.status {
        case 401, 403:
            self.init(text: "\(error): run 'provision auth --vendor V --token T' with the vendor's name and token", status: .unreachable)
        case 404:
            self.init(text: "\(error): check the names ('provision model list', 'provision sn list MODEL')", status: .commandFailed)
        case 409 where error.detail?.allSatisfy(\.isWhitespace) ?? true:
            // The embedded platform says why and what to do; another platform may send no reason.
            self.init(text: "\(error): it exists already or is in that state already", status: .commandFailed)
        case nil:
            self.init(text: "\(error): check the path and its permissions", status: .commandFailed)
        default:
            self.init(text: error.description, status: .commandFailed)
        }
    }

    /// What to do about a per-call status, in the platform's own words.
    private static func hint(forStatus status: String) -> String? {
        switch status {
        case "restricted", "noauth": return "this resource is outside what these credentials may do"
        case "notfound": return "no such resource: 'ls' lists what is here"
        case "inuse": return "that alias is already taken: 'lookup' shows what it names"
        case "locked": return "the client is locked"
        case "invalid", "badarg": return "the platform found the arguments invalid: see 'help' for the command"
        case "limit": return "a limit of the owning client is reached"
        default: return nil
        }
    }

    private static func describe(_ kind: ShellError.Kind) -> String {
        switch kind {
        case .unterminatedQuote(let quote, let position):
            return quote == "${"
                ? "unterminated ${ at column \(position + 1): close it with }"
                : "unterminated \(quote) quote at column \(position + 1): close it with \(quote)"
        case .unterminatedJSON(let position):
            return "unterminated JSON at column \(position + 1): every { and [ needs its closing } or ]"
        case .undefinedVariable(let name):
            return "${\(name)} is not set in the environment: export it or write the value"
        case .unknownCommand(let word, let suggestions):
            return "unknown command '\(shown(word))'" + didYouMean(suggestions) + "; type 'help' for the list"
        case .unknownSubcommand(let command, let word, let choices):
            return "'\(command)' has no subcommand '\(shown(word))'"
                + didYouMean(Suggester.closest(to: word, among: choices)) + "; choose one of: " + choices.joined(separator: ", ")
        case .missingSubcommand(let command, let choices):
            return "'\(command)' needs a subcommand; choose one of: " + choices.joined(separator: ", ")
        case .unknownOption(let command, let option, let suggestions):
            return "\(command): unknown option '\(shown(option))'" + didYouMean(suggestions)
        case .conflictingOption(let command, let option, let reason):
            return "\(command): \(option) \(reason)"
        case .missingArgument(let command, let argument):
            return "\(command): missing \(argument)"
        case .missingOptionValue(let command, let option):
            return "\(command): \(option) needs a value"
        case .tooManyArguments(let command, let extra):
            return "\(command): unexpected argument '\(shown(extra))'"
        case .invalidValue(let command, let argument, let value, let expected):
            return "\(command): \(argument) '\(shown(value))' is not valid, expected \(expected)"
        case .badTime(let text):
            return "'\(text)' is not a time: use unix seconds, -30m, -2h, -7d, now, or a date and time like 2024-01-31 12:00 "
                + "(in the session's time zone) or 2024-01-31T12:00:00-06:00"
        case .badLocalTime(let text, let reason):
            return "'\(text)' \(reason)"
        case .unknownZone(let name, let suggestions):
            return "unknown time zone '\(name)'" + didYouMean(suggestions) + ": use an IANA name such as America/Chicago or Europe/Paris, or UTC"
        case .badJSON(let text, let reason):
            return "'\(text)' is not valid JSON (\(reason)): quote it, e.g. '{\"name\": \"x\"}'"
        case .badPath(let path, let reason):
            return "bad path '\(path)': \(reason)"
        case .notFound(let path, let segment):
            return path == segment
                ? "'\(segment)' not found here: 'ls' lists what is here"
                : "'\(segment)' in '\(path)' not found: 'ls' lists what is here"
        case .ambiguousName(let segment, let choices):
            return "'\(segment)' names several resources: use one of \(choices.joined(separator: ", "))"
        case .notAuthenticated:
            return "not authenticated: use 'auth CIK' or 'auth KEYNAME' first"
        case .noVendor:
            return "no vendor credentials: run 'provision auth --vendor V --token T', or set ONEP_VENDOR and ONEP_VENDOR_TOKEN"
        case .unknownKey(let name, let known):
            return "no key named '\(name)'" + didYouMean(Suggester.closest(to: name, among: known)) + "; 'keys' lists them"
        case .declined(let command):
            return "\(command): not confirmed, nothing done"
        case .file(let path, let reason):
            return "\(path) \(reason)"
        case .failed(let message), .refused(let message, _):
            return message
        case .interrupted:
            return "interrupted"
        }
    }

    /// How a message repeats a word the user typed: whole when short, else its start, so a
    /// pasted megabyte does not come back as a megabyte of error.
    static func shown(_ word: String) -> String {
        let longest = 60
        guard word.count > longest else { return word }
        return String(word.prefix(longest)) + "…"
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        guard !suggestions.isEmpty else { return "" }
        return " (did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?)"
    }
}
