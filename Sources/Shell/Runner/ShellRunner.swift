import Foundation
import LineEditor
import OneP

/// Runs command lines against a session: the heart of the REPL, of scripts and of `onep -c`.
public actor ShellRunner {
    let services: ShellServices
    var session: Session
    /// Lines entered in this session, as history keeps them.
    var history: [String] = []
    /// What the history file held when the session began.
    var earlierHistory: [String] = []
    /// Set by `history -c` until the interactive loop has told its line editor to forget too.
    var historyClearPending = false
    /// How deep `source` currently nests, to stop a file that sources itself.
    var sourceDepth = 0
    /// Copies command output for transcripts.
    let tap: OutputTap
    /// The file `session record start` or `--record` writes to, while recording.
    var recorder: SessionRecorder?

    public init(configuration: ShellConfiguration) {
        let counter = RequestCounter()
        let tap = OutputTap()
        self.tap = tap
        var tapped = configuration
        tapped.output = tap.wrapping(configuration.output)
        services = ShellServices(configuration: tapped, counter: counter, commands: CommandTable.all)
        var endpoint = configuration.endpoint
        endpoint.transport = CountingTransport(base: endpoint.transport, counter: counter)
        session = Session(endpoint: endpoint)
        if let file = configuration.historyFile { earlierHistory = HistoryFile.entries(atPath: file) ?? [] }
        session.useInitialVendor(environment: configuration.environment)
        session.settings.format = configuration.format
        session.settings.bail = !configuration.continueOnError
        session.settings.echo = configuration.echo
        if let cik = configuration.cik {
            session.auth = .cik(cik)
            session.authLabel = "a CIK"
        }
        if let keyName = configuration.keyName {
            switch ShellRunner.savedKey(named: keyName, in: services.keyStore) {
            case .success(let cik):
                session.auth = .cik(cik)
                session.authLabel = keyName
            case .failure(let error):
                startupError = ShellMessage(error: error).text
            }
        }
    }

    /// `--key NAME`: the saved CIK, or why there is none.
    private static func savedKey(named name: String, in store: KeyStore) -> Result<String, ShellError> {
        do {
            let keys = try store.keys()
            guard let key = keys.first(where: { $0.name == name }) else {
                return .failure(ShellError(.unknownKey(name, known: keys.map(\.name))))
            }
            return .success(key.cik)
        } catch {
            return .failure(error)
        }
    }

    /// Why the configuration could not be applied (an unknown `--key`), for the executable to
    /// print before exiting with a usage error; nil when all is well.
    public private(set) var startupError: String?

    /// The history file `history -c` empties, as configured; nil when history is in memory only.
    public nonisolated var historyFile: String? {
        services.configuration.historyFile
    }

    /// Runs one line: one or more commands separated by `;`. Stops the line at its first failure.
    public func run(line: String) async -> CommandOutcome {
        let commands: [WordList]
        do {
            commands = try Tokenizer(environment: services.environment).commands(in: line)
        } catch {
            return report(error)
        }
        var last = CommandOutcome(status: .success)
        let chars = Array(line)
        for command in commands {
            let start = command.words.first?.position ?? 0
            let end = max(start, min(chars.count, command.words.last?.end ?? start))
            last = await run(words: command.texts, text: String(chars[start..<end]))
            if !last.succeeded || last.exitRequested { return last }
        }
        return last
    }

    /// Releases the current endpoint's connections; call once when the shell ends.
    public func shutdown() async {
        await session.endpoint.close()
    }

    /// The text of the prompt: where the session is.
    public var prompt: String {
        let place = session.path.isEmpty ? "/" : session.pathText
        return session.auth == nil ? "onep> " : "onep:\(place)> "
    }

    /// Whether scripts stop at the first failure (`set bail`, `--continue-on-error`).
    public var bails: Bool { session.settings.bail }

    /// Whether each line is printed before it runs (`set echo`, `--echo`).
    public var echoes: Bool { session.settings.echo }

    private func run(words: [String], text: String) async -> CommandOutcome {
        let recording = recorder
        if recording?.isTranscript == true { tap.begin() }
        let outcome = await execute(words: words)
        if let recording, recording === recorder, let parsed = try? CommandParser(commands: services.commands).parse(words),
            SessionRecorder.records(parsed.spec)
        {
            let output = recording.isTranscript ? tap.end() : ""
            let written = HistoryRedactor(commands: services.commands, environment: services.environment).referencingVariables(text)
            do {
                try recording.record(command: written, output: output, succeeded: outcome.succeeded)
            } catch {
                _ = report(error)
                stopRecording()
            }
        } else if recording?.isTranscript == true {
            _ = tap.end()
        }
        return outcome
    }

    private func execute(words: [String]) async -> CommandOutcome {
        let parser = CommandParser(commands: services.commands)
        let parsed: (spec: CommandSpec, arguments: ParsedArguments)
        do {
            parsed = try parser.parse(words)
        } catch {
            return report(error)
        }
        if parsed.arguments.flag("help") {
            services.output.writeOut(HelpGenerator(commands: services.commands).help(for: parsed.spec))
            return CommandOutcome(status: .success)
        }
        let requestsBefore = services.counter.value
        let started = ContinuousClock.now
        var context = CommandContext(
            arguments: parsed.arguments, session: session, services: services, spec: parsed.spec, history: earlierHistory + history)
        var outcome = CommandOutcome(status: .success)
        do {
            try await parsed.spec.body(&context)
        } catch {
            // A command cut short by Ctrl-C may fail in whatever way its half-done request does;
            // the person asked for the stop, so that is what the shell reports.
            outcome = report(Task.isCancelled ? CancellationError() : error)
        }
        session = context.session
        if context.historyCleared { clearHistory() }
        if let request = context.recordingRequest, let failure = apply(request) { return failure }
        if let exitCode = context.exitRequested {
            return CommandOutcome(status: ExitStatus(code: exitCode), exitRequested: true)
        }
        if let file = context.sourceRequested, outcome.succeeded {
            outcome = await source(file)
            if outcome.exitRequested { return outcome }
        }
        if session.settings.timing {
            let elapsed = ContinuousClock.now - started
            let requests = services.counter.value - requestsBefore
            services.output.writeErr("time: \(TimingText.milliseconds(elapsed)) ms, requests: \(requests)\n")
        }
        return outcome
    }

    /// The question to ask before running `line` at a terminal, when one of its commands destroys
    /// data and was not given `--yes`; nil when the line may run at once.
    func confirmationQuestion(for line: String) -> String? {
        guard let commands = try? Tokenizer(environment: services.environment).commands(in: line) else { return nil }
        let parser = CommandParser(commands: services.commands)
        for command in commands {
            guard let (spec, arguments) = try? parser.parse(command.texts) else { return nil }
            if spec.effect == .destroys, !arguments.flag("yes"), !arguments.flag("help") {
                return "\(command.texts.joined(separator: " ")): this cannot be undone. Continue? [y/N] "
            }
        }
        return nil
    }

    /// Reports that the user said no to a confirmation.
    func declined(_ line: String) -> CommandOutcome {
        let name = (try? Tokenizer(environment: services.environment).commands(in: line))?.first?.texts.first ?? line
        return report(ShellError(.declined(command: name)))
    }

    /// Prints the one-line message for an error and says how the command ended.
    func report(_ error: any Error) -> CommandOutcome {
        let message = ShellMessage(error: error, commands: services.commands)
        var text = ShellRunner.interruptionBreak(message.status, output: services.output) + "error: " + message.text + "\n"
        if let usage = message.usage { text += usage + "\n" }
        services.output.writeErr(text)
        return CommandOutcome(status: message.status)
    }

    /// Adds a line to the history `history` shows, with secret arguments masked. A line typed with
    /// a leading space is kept out, as in bash with `ignorespace`.
    /// - Returns: the line as history keeps it, or nil when it is not kept.
    @discardableResult
    func remember(_ line: String) -> String? {
        guard !line.hasPrefix(" ") else { return nil }
        let redacted = HistoryRedactor(commands: services.commands, environment: services.environment).redact(line)
        history.append(redacted)
        return redacted
    }
}

extension ShellRunner {
    /// At a terminal, Ctrl-C during a command leaves the terminal's own `^C` echo where the cursor
    /// was; the message about the interruption starts on the next line.
    static func interruptionBreak(_ status: ExitStatus, output: OutputSink) -> String {
        status == .interrupted && output.isTerminal ? "\n" : ""
    }
}

enum TimingText {
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let millis = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f", millis)
    }
}
