import Foundation
import LineEditor
import OneP

/// Runs command lines against a session: the heart of the REPL, of scripts and of `onep -c`.
///
/// A line is parsed once (``ParsedLine``): history redaction, confirmation, running and recording
/// all read that one result. Each command's body returns its output, which the renderer of the
/// session's format prints.
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
    /// The output as configured, before the tap: where a `| COMMAND`'s own output goes.
    let screen: OutputSink
    /// The file `session record start` or `--record` writes to, while recording.
    var recorder: SessionRecorder?
    /// `FILE:LINE` of the script line running, which errors name first.
    var scriptLocation: String?
    /// What the last command's output says about the values it printed, for transcripts.
    var lastHints = OutputHints()

    public init(configuration: ShellConfiguration) {
        let counter = RequestCounter()
        let tap = OutputTap()
        self.tap = tap
        screen = configuration.output
        var tapped = configuration
        tapped.output = tap.wrapping(configuration.output)
        // Straight to the screen: a spinner is never part of what a transcript or redirect keeps.
        let spinner = Spinner(
            write: configuration.showsProgress ? configuration.output.writeErr : nil, unicode: Spinner.showsUnicode(configuration.environment))
        services = ShellServices(configuration: tapped, counter: counter, commands: CommandTable.all, spinner: spinner)
        var endpoint = configuration.endpoint
        endpoint.transport = CountingTransport(base: endpoint.transport, counter: counter, spinner: spinner)
        session = Session(endpoint: endpoint)
        if let file = configuration.historyFile { earlierHistory = HistoryFile.entries(atPath: file) ?? [] }
        session.useInitialVendor(environment: configuration.environment)
        var warnings: [String] = []
        startupError = ShellRunner.applySettings(configuration, keyStore: services.keyStore, to: &session, warnings: &warnings)
        for warning in warnings { configuration.output.writeErr("warning: \(warning)\n") }
        if let cik = configuration.cik {
            // `CIK:cRID` and `CIK:rRID` act as a client or a resource's owner, as in exoline.
            session.auth = cik.contains(":") ? ((try? services.keyStore.credentials(cik))?.auth ?? .cik(cik)) : .cik(cik)
            session.authLabel = "a CIK"
        }
        if let keyName = configuration.keyName {
            do {
                let given = try services.keyStore.credentials(keyName)
                session.auth = given.auth
                session.authLabel = given.label
            } catch {
                startupError = startupError ?? ShellMessage(error: error).text
            }
        }
    }

    /// The settings a session starts with: onep's defaults with `$TZ`'s zone (what `unset` goes back
    /// to), then the config file's saved settings, then the command line's flags.
    /// - Returns: why a flag could not be applied (an unknown `--tz`), for the executable to report.
    private static func applySettings(
        _ configuration: ShellConfiguration, keyStore: KeyStore, to session: inout Session, warnings: inout [String]
    ) -> String? {
        let (zone, zoneWarning) = SessionZone.fromEnvironment(configuration.environment)
        if let zoneWarning { warnings.append(zoneWarning) }
        session.defaults.zone = zone
        session.settings = session.defaults
        warnings += keyStore.applySavedSettings(to: &session.settings)
        if let format = configuration.format { session.settings.format = format }
        if configuration.continueOnError { session.settings.bail = false }
        if configuration.echo { session.settings.echo = true }
        if let seconds = configuration.timeout { session.settings.timeout = seconds }
        do {
            if let name = configuration.timeFormat { try session.settings.set("timeformat", to: name) }
        } catch {
            return "--timeformat: " + ShellMessage(error: error).text
        }
        guard let name = configuration.timeZone else { return nil }
        do {
            session.settings.zone = try SessionZone(named: name)
        } catch {
            return "--tz: " + ShellMessage(error: error).text
        }
        return nil
    }

    /// Why the configuration could not be applied (an unknown `--key`), for the executable to
    /// print before exiting with a usage error; nil when all is well.
    public private(set) var startupError: String?

    /// The history file `history -c` empties, as configured; nil when history is in memory only.
    public nonisolated var historyFile: String? {
        services.configuration.historyFile
    }

    /// Reads a line once, for everything that needs to know what it says.
    nonisolated func parse(_ line: String) -> ParsedLine {
        // psql's `\q` leaves, as `quit` does; the tokenizer would read it as `q`.
        if line.trimmingCharacters(in: .whitespaces) == "\\q" {
            return ParsedLine("quit", parser: services.parser, environment: services.environment)
        }
        return ParsedLine(line, parser: services.parser, environment: services.environment)
    }

    /// Runs one line: one or more commands separated by `;`. Stops the line at its first failure.
    public func run(line: String) async -> CommandOutcome {
        await run(parse(line))
    }

    /// Runs a line already parsed.
    func run(_ line: ParsedLine) async -> CommandOutcome {
        if let problem = line.problem { return report(problem) }
        var last = CommandOutcome(status: .success)
        for command in line.commands {
            last = await run(command, of: line)
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

    /// Runs one command of a line, and records it when a recording is on and the spec allows.
    private func run(_ command: ParsedCommand, of line: ParsedLine) async -> CommandOutcome {
        let recording = recorder
        if recording?.isTranscript == true { tap.begin() }
        lastHints = OutputHints()
        services.interruptNote.set(nil)
        var redirect: OutputRedirect?
        if let redirection = command.redirection, command.problem == nil {
            let sink = screen
            do {
                redirect = try OutputRedirect(redirection, passThrough: sink.isTerminal ? nil : sink.writeOut)
            } catch {
                if recording?.isTranscript == true { _ = tap.end() }
                return report(error)
            }
            tap.redirect(to: redirect)
        }
        let outcome = await execute(command)
        if let redirect {
            tap.redirect(to: nil)
            redirect.close()
        }
        if let recording, recording === recorder, command.problem == nil, command.spec?.isRecorded == true {
            var text = HistoryRedactor.referencingVariables(command, in: line)
            var output = ""
            if recording.isTranscript {
                for secret in HistoryRedactor.secrets(command, in: line) {
                    let name = recording.names.learn(secret: secret.value, variable: secret.variable)
                    if name != secret.variable { text = text.replacingAll(occurrencesOf: "${\(secret.variable)}", with: "${\(name)}") }
                }
                text = recording.names.rewrite(command: text)
                output = recording.names.rewrite(output: tap.end(), hints: lastHints)
            }
            do {
                try recording.record(command: text, output: output, succeeded: outcome.succeeded)
            } catch {
                _ = report(error)
                stopRecording()
            }
        } else if recording?.isTranscript == true {
            _ = tap.end()
        }
        return outcome
    }

    private func execute(_ command: ParsedCommand) async -> CommandOutcome {
        let spec: CommandSpec
        let arguments: ParsedArguments
        do {
            (spec, arguments) = try command.checked()
        } catch {
            return report(error)
        }
        if command.asksForHelp {
            services.output.writeOut(HelpGenerator(commands: services.commands).help(for: spec))
            return CommandOutcome(status: .success)
        }
        let requestsBefore = services.counter.value
        let started = ContinuousClock.now
        var (outcome, sourced) = await perform(spec, arguments)
        if outcome.exitRequested { return outcome }
        if let file = sourced {
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

    /// Runs a command's body and prints what it returns. A command the platform refused for a RID
    /// the path cache gave it runs once more with those names looked up afresh, unless it already
    /// changed something, printed or read its input: another client may have dropped or replaced
    /// what the cache remembered.
    /// - Returns: how the command ended, and the file it asks to source when it ended well.
    private func perform(_ spec: CommandSpec, _ arguments: ParsedArguments) async -> (CommandOutcome, sourcing: String?) {
        var retried = false
        // `set timeout` (or the saved setting) holds for whichever platform the session is on.
        session.endpoint.changeTimeout?(session.settings.timeoutDuration)
        while true {
            var context = CommandContext(spec: spec, arguments: arguments, session: session, services: services, history: earlierHistory + history)
            if recorder?.isTranscript == true { context.effects.streamedTimes.withLock { $0 = [] } }
            var result: Result<CommandOutput?, any Error>
            do {
                try RefusalExplainer.check(spec.name, arguments)
                result = .success(try await spec.run(&context))
            } catch {
                result = .failure(error)
            }
            session = context.session
            if case .failure(let error) = result, ShellRunner.isStaleRefusal(error), !context.cachedParents.isEmpty {
                session.paths?.forget(parents: context.cachedParents)
                if !retried, context.effects.isRepeatable, !Task.isCancelled {
                    retried = true
                    continue
                }
            }
            // A refusal said with the argument at fault, when the refusal table knows it.
            if case .failure(let error) = result, !Task.isCancelled, let explained = await RefusalExplainer.explain(error, context: &context) {
                result = .failure(explained)
                session = context.session
            }
            return finish(context, result)
        }
    }

    /// Prints the output, carries out what the command asked of the runner, and says how it ended.
    private func finish(_ context: CommandContext, _ result: Result<CommandOutput?, any Error>) -> (CommandOutcome, sourcing: String?) {
        var outcome = CommandOutcome(status: .success)
        switch result {
        case .success(let output?):
            let text = context.renderSettings.renderer.render(output)
            let pages = session.settings.pager && services.output.isTerminal && !tap.isOpen && !tap.isRedirected
            if !(pages && Pager.page(text, environment: services.environment)) { services.output.writeOut(text) }
            if recorder?.isTranscript == true { lastHints = OutputHints(output, times: context.renderSettings.times) }
            if let status = context.status { outcome = CommandOutcome(status: status) }
        case .success(nil):
            if recorder?.isTranscript == true, let times = context.effects.streamedTimes.withLock({ $0 }) { lastHints = OutputHints(times: times) }
            if let status = context.status { outcome = CommandOutcome(status: status) }
        case .failure(let error):
            // A command cut short by Ctrl-C may fail in whatever way its half-done request does;
            // the person asked for the stop, so that is what the shell reports.
            outcome = report(Task.isCancelled ? CancellationError() : error)
        }
        if context.historyCleared { clearHistory() }
        if let request = context.recordingRequest, let failure = apply(request) { return (failure, nil) }
        if let exitCode = context.exitRequested {
            return (CommandOutcome(status: ExitStatus(code: exitCode), exitRequested: true), nil)
        }
        return (outcome, outcome.succeeded ? context.sourceRequested : nil)
    }

    /// A call refused with `restricted` or `invalid`: what the platform answers for a RID that no
    /// longer exists or is no longer within reach.
    static func isStaleRefusal(_ error: any Error) -> Bool {
        guard let status = (error as? OnePError)?.callStatus else { return false }
        return status == .failed("restricted") || status == .failed("invalid")
    }

    /// Prints the one-line message for an error and says how the command ended.
    func report(_ error: any Error) -> CommandOutcome {
        var message = ShellMessage(error: error, commands: services.commands)
        if message.status == .interrupted, let note = services.interruptNote.take() { message.text = note }
        // `FILE:LINE: ` goes to the screen only: a transcript checked from another file or a pipe
        // must read the same.
        let lead = ShellRunner.interruptionBreak(message.status, output: services.output)
        if let place = scriptLocation {
            screen.writeErr(lead + place + ": ")
        } else if !lead.isEmpty {
            services.output.writeErr(lead)
        }
        var text = "error: " + message.text + "\n"
        if let usage = message.usage { text += usage + "\n" }
        services.output.writeErr(text)
        return CommandOutcome(status: message.status)
    }

    /// Adds a line to the history `history` shows, with secret arguments masked. A line typed with
    /// a leading space is kept out, as in bash with `ignorespace`.
    /// - Returns: the line as history keeps it, or nil when it is not kept.
    @discardableResult
    func remember(_ line: ParsedLine) -> String? {
        guard !line.text.hasPrefix(" ") else { return nil }
        let redacted = HistoryRedactor.redact(line)
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
