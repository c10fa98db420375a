import OneP
import OnePJSON

/// What the shell provides to every command: configuration, the request counter, the command table.
struct ShellServices: Sendable {
    let configuration: ShellConfiguration
    let counter: RequestCounter
    let commands: [CommandSpec]
    let parser: CommandParser
    /// How a command that destroys asks before it does (at a terminal only).
    let confirmations = Confirmations()
    /// What the running command has done, for the message when it is interrupted.
    let interruptNote = InterruptNote()
    /// Drawn on a terminal while a request waits more than a second for its answer.
    let spinner: Spinner

    init(configuration: ShellConfiguration, counter: RequestCounter, commands: [CommandSpec], spinner: Spinner = Spinner(write: nil)) {
        self.configuration = configuration
        self.counter = counter
        self.commands = commands
        self.spinner = spinner
        parser = CommandParser(commands: commands)
    }

    var output: OutputSink { configuration.output }
    var environment: [String: String] { configuration.environment }
    var keyStore: KeyStore { KeyStore(environment: configuration.environment) }
}

/// What a command works with while it runs: its arguments (read through the keys of its spec),
/// the session it may change, and requests for the runner (exit, source a file) that only the
/// runner can carry out.
struct CommandContext: Sendable {
    let spec: CommandSpec
    let arguments: ParsedArguments
    var session: Session
    let services: ShellServices
    /// Lines entered so far (secrets already masked), for `history`.
    let history: [String]
    var exitRequested: Int32?
    var sourceRequested: String?
    /// `history -c` asks the runner to forget the history, in memory and in the history file.
    var historyCleared = false
    /// `session record start|stop` asks the runner to start or stop writing a recording.
    var recordingRequest: RecordingRequest?
    /// The clients under which this command resolved names from the path cache, which the runner
    /// forgets when the platform refuses a RID (another client may have changed them).
    var cachedParents: Set<String> = []
    /// What the command did so far: whether it may run again after a refusal of a stale path.
    let effects = CommandEffects()
    /// How a command that printed its output ended when that is not success: `find` that matched
    /// nothing, `diff` that found differences, exit 1 without an error message.
    var status: ExitStatus?

    init(spec: CommandSpec, arguments: ParsedArguments, session: Session, services: ShellServices, history: [String]) {
        self.spec = spec
        self.arguments = arguments
        self.session = session
        self.services = services
        self.history = history
    }

    var now: Int { services.configuration.now() }

    // MARK: Arguments

    subscript<Value>(key: Argument<Value>) -> Value { arguments[key] }
    subscript<Value>(key: OptionalArgument<Value>) -> Value? { arguments[key] }
    subscript<Value>(key: RepeatingArgument<Value>) -> [Value] { arguments[key] }
    subscript<Value>(key: Option<Value>) -> Value? { arguments[key] }
    subscript(key: Flag) -> Bool { arguments[key] }

    /// A time option as unix seconds: relative forms counted back from now, times without an
    /// offset read in the session's zone.
    /// - Throws: ``ShellError`` for a local time the zone skips or shows twice.
    func time(_ key: Option<TimeExpression>) throws(ShellError) -> Int? {
        try arguments[key]?.resolve(now: now, zone: session.settings.zone)
    }

    /// The time format for this command: its `--timeformat` when given, else the setting.
    var timeFormat: TimeFormat {
        arguments[CommonOptions.timeFormat].flatMap(TimeFormat.init(named:)) ?? session.settings.timeFormat
    }

    // MARK: The platform

    /// The client for the session's credentials.
    /// - Throws: ``ShellError`` when nobody is authenticated yet.
    func client() throws(ShellError) -> PlatformClient {
        guard let auth = session.auth else { throw ShellError(.notAuthenticated) }
        return PlatformClient(
            rpc: RPCClient(transport: session.endpoint.transport, auth: auth), me: session.root?.rid, paths: session.paths, effects: effects)
    }

    /// A client acting as the given descendant client, for procedures that work in the caller's
    /// own namespace (map, unmap, lookup by alias).
    func client(actingAs clientRID: String?) throws(ShellError) -> PlatformClient {
        let base = try client()
        guard let clientRID, clientRID != session.root?.rid, let auth = session.auth else { return base }
        if let cik = auth.cik { return base.with(auth: .cik(cik, clientID: clientRID), me: clientRID) }
        if let token = auth.token { return base.with(auth: .token(token, clientID: clientRID), me: clientRID) }
        return base
    }

    // MARK: Output and input

    /// How this command's output is rendered: the session's format and settings, the command's
    /// `--timeformat`.
    var renderSettings: RenderSettings {
        RenderSettings(
            format: session.settings.format, timeFormat: timeFormat, zone: session.settings.zone, now: now, color: useColor,
            width: services.output.isTerminal ? services.configuration.terminalColumns() : 80, unicode: showsUnicode,
            isTerminal: services.output.isTerminal)
    }

    /// Where a command that prints rows as it reads them (`read` of a long window, `read --follow`)
    /// sends them: each batch is rendered in the session's format and written at once.
    func rowSink(for table: Table) -> RowSink {
        effects.note(.printed)
        let output = services.output
        var observe: (@Sendable ([[JSON]]) -> Void)?
        if effects.streamedTimes.withLock({ $0 != nil }), !table.timeColumns.isEmpty {
            observe = { [effects, times = renderSettings.times] rows in
                var shown = table
                shown.rows = rows
                let hints = OutputHints(.table(shown), times: times)
                effects.streamedTimes.withLock { $0?.formUnion(hints.times) }
            }
        }
        return RowSink(renderer: renderSettings.renderer.stream(table), observe: observe) { output.writeOut($0) }
    }

    /// Prints output now, for commands that print as they go (`read --follow`); most commands
    /// return their output instead.
    func emit(_ output: CommandOutput) {
        effects.note(.printed)
        services.output.writeOut(renderSettings.renderer.render(output))
    }

    /// Whether the locale's character set is UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`), so
    /// braille and block glyphs show; a terminal without one gets ASCII.
    var showsUnicode: Bool {
        let environment = services.environment
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        guard let locale else { return !services.output.isTerminal }
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }

    /// Color only on a terminal, never with NO_COLOR, and as `set color` says.
    var useColor: Bool {
        if services.environment["NO_COLOR"] != nil { return false }
        switch session.settings.color {
        case "on": return true
        case "off": return false
        default: return services.output.isTerminal
        }
    }

    /// Standard input as lines; a command that reads it cannot run again.
    func standardInput() -> TextLines {
        effects.note(.consumedInput)
        return services.configuration.standardInputLines()
    }
}

/// Options several commands share, declared once.
enum CommonOptions {
    static let timeFormat = Option<String>("timeformat", "FORMAT", "how to show timestamps", type: .choice(TimeFormat.names))
}
