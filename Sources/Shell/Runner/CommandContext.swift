import OneP
import OnePJSON

/// What the shell provides to every command: configuration, the request counter, the command table.
struct ShellServices: Sendable {
    let configuration: ShellConfiguration
    let counter: RequestCounter
    let commands: [CommandSpec]

    var output: OutputSink { configuration.output }
    var environment: [String: String] { configuration.environment }
    var keyStore: KeyStore { KeyStore(environment: configuration.environment) }
}

/// What a command works with while it runs: its arguments, the session it may change, and
/// requests for the runner (exit, source a file) that only the runner can carry out.
struct CommandContext: Sendable {
    var arguments: ParsedArguments
    var session: Session
    let services: ShellServices
    let spec: CommandSpec
    /// Lines entered so far (secrets already masked), for `history`.
    let history: [String]
    var exitRequested: Int32?
    var sourceRequested: String?
    /// `history -c` asks the runner to forget the history, in memory and in the history file.
    var historyCleared = false
    /// `session record start|stop` asks the runner to start or stop writing a recording.
    var recordingRequest: RecordingRequest?

    var now: Int { services.configuration.now() }

    /// The client for the session's credentials.
    /// - Throws: ``ShellError`` when nobody is authenticated yet.
    func client() throws(ShellError) -> RPCClient {
        guard let auth = session.auth else { throw ShellError(.notAuthenticated) }
        return RPCClient(transport: session.endpoint.transport, auth: auth)
    }

    /// A client acting as the given descendant client, for procedures that work in the caller's
    /// own namespace (map, unmap, lookup by alias).
    func client(actingAs clientRID: String?) throws(ShellError) -> RPCClient {
        let base = try client()
        guard let clientRID, clientRID != session.root?.rid, let auth = session.auth else { return base }
        if let cik = auth.cik { return base.with(auth: .cik(cik, clientID: clientRID)) }
        if let token = auth.token { return base.with(auth: .token(token, clientID: clientRID)) }
        return base
    }

    /// Renders `output` in the session's format and writes it to standard output.
    func emit(_ output: CommandOutput) {
        services.output.writeOut(render(output))
    }

    func render(_ output: CommandOutput) -> String {
        switch session.settings.format {
        case .json: return JSONRenderer().render(output)
        case .csv: return CSVRenderer().render(output)
        default: return TextRenderer(timeFormat: session.settings.timeFormat, now: now, color: useColor).render(output)
        }
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

    /// Parses a time option the parser has already checked.
    func time(_ option: String) -> Int? {
        arguments.option(option).flatMap(TimeExpression.init(parsing:))?.resolve(now: now)
    }

    /// The time format for this command: `--timeformat` when given, else the setting.
    var timeFormat: TimeFormat {
        arguments.option("timeformat").flatMap(TimeFormat.init(named:)) ?? session.settings.timeFormat
    }
}
