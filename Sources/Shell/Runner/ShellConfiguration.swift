import Foundation
import LineEditor
import OneP

/// Everything the executable decides before the first command: where the platform is, the
/// credentials given on the command line, output, and the injected world (environment, clock).
public struct ShellConfiguration: Sendable {
    /// The platform to talk to at start.
    public var endpoint: Endpoint
    /// Opens the embedded platform for `connect local`; nil when this build has none.
    public var localEndpoint: (@Sendable () async throws -> Endpoint)?
    /// Opens a remote platform for `connect URL`.
    public var remoteEndpoint: @Sendable (String) -> Endpoint
    /// A CIK given by `--cik` or `ONEP_CIK`.
    public var cik: String?
    /// A key name given by `--key`.
    public var keyName: String?
    /// `--format`; nil leaves the saved setting, else text.
    public var format: OutputFormat?
    /// `--tz`: the session's time zone, over the saved setting and `$TZ`.
    public var timeZone: String?
    /// `--timeformat`: how times are shown, over the saved setting.
    public var timeFormat: String?
    /// `--timeout`: seconds a remote request may take, over the saved setting.
    public var timeout: Double?
    /// The terminal's columns, which charts and `tree` fit when standard output is a terminal.
    public var terminalColumns: @Sendable () -> Int = { TerminalSize.columns() }
    /// `--continue-on-error`: on turns bail off whatever was saved.
    public var continueOnError = false
    /// `--echo`: on turns echo on whatever was saved.
    public var echo = false
    public var output: OutputSink
    /// Where `${NAME}`, HOME, XDG_CONFIG_HOME, NO_COLOR and TZ come from.
    public var environment: [String: String]
    /// The current unix time.
    public var now: @Sendable () -> Int
    /// Waits between polls of `read --follow`; throwing CancellationError ends the command.
    public var pause: @Sendable (Duration) async throws -> Void
    /// Reads `source` files and transcripts; injected so tests need no real files if they choose.
    public var readFile: @Sendable (String) throws -> String
    /// Opens a file as lines read a block at a time, for `record --file`.
    public var openLines: @Sendable (String) throws -> TextLines
    /// Standard input as lines read as they come, for `record RES -`.
    public var standardInputLines: @Sendable () -> TextLines
    /// The file the line editor keeps this endpoint's history in, so `history -c` can empty it;
    /// nil when history lives in memory only.
    public var historyFile: String?
    /// Whether Ctrl-C (SIGINT) cancels the running command of the interactive loop. SIGINT has one
    /// disposition per process, so tests that run shells inside a test process turn this off and
    /// leave the signal to the tests that exercise it.
    package var catchesInterrupts = true
    /// Whether bulk work draws a progress bar on standard error; the executable sets it when
    /// standard error is a terminal, so scripts and tests see nothing extra.
    public var showsProgress = false

    public init(
        endpoint: Endpoint,
        output: OutputSink,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Int = { Int(Date().timeIntervalSince1970) }
    ) {
        self.endpoint = endpoint
        self.output = output
        self.environment = environment
        self.now = now
        self.remoteEndpoint = { url in Endpoint.http(url) }
        self.pause = { duration in try await Task.sleep(for: duration) }
        self.readFile = { path in try ShellConfiguration.readText(path) }
        self.openLines = { path in try TextLines(file: path) }
        self.standardInputLines = { TextLines(file: FileHandle.standardInput) }
        if let cik = environment["ONEP_CIK"], !cik.isEmpty { self.cik = cik }
    }
}

extension ShellConfiguration {
    /// A file's text, read to its end rather than to the size it reports, so named pipes and
    /// `source <(command)` work as well as plain files.
    static func readText(_ path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        guard let text = String(data: try handle.readToEnd() ?? Data(), encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding)
        }
        return text
    }
}
