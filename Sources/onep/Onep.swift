import ArgumentParser
import OneP
import Shell

/// The `onep` command: the shell (interactive, a script, `-c`/`-f`, or one command), and `serve`.
@main
struct Onep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onep",
        abstract: "An interactive shell for the Exosite One Platform, with an embedded platform.",
        usage: """
            onep [<options>]                       the interactive shell (a script when stdin is not a terminal)
            onep [<options>] <command> [<args>...] run one shell command, e.g. onep read temperature --limit 5
            onep [<options>] -c <line> -f <file>   run lines and files in order
            onep serve [--port <port>] [--bind <address>] [--data <dir>] [--tls-cert <file> --tls-key <file>] [<limits>]
            """,
        discussion: """
            Without --host (or a host or port in exoline's ~/.exoline, which --data overrides), onep opens \
            the embedded platform in its data directory (the one 'onep serve' \
            uses) and acts as its root client; the first start seeds a small demo device. \
            Exit status: 0 ok, 1 a command failed, 2 usage error, 3 platform unreachable or credentials \
            rejected, 130 interrupted. 'onep help' lists the shell's commands; 'onep serve --help' \
            describes the server.
            """,
        version: OnepVersion.text
    )

    @Option(
        name: [.customShort("c"), .customLong("command")],
        help: ArgumentHelp("Run this command line, then exit (repeatable; runs in order with -f).", valueName: "line")
    )
    var lines: [String] = []

    @Option(
        name: [.customShort("f"), .customLong("file")],
        help: ArgumentHelp("Run the commands in this file, '-' for stdin (repeatable).", valueName: "file"),
        completion: .file()
    )
    var files: [String] = []

    @Option(
        help: ArgumentHelp(
            "A remote platform, e.g. https://m2.exosite.com or http://127.0.0.1:8080 (default: the host and port of ~/.exoline, if set).",
            valueName: "url"))
    var host: String?

    @Option(
        help: ArgumentHelp(
            "Trust the certificate authorities in this PEM file (instead of the system's) for https:// hosts.", valueName: "file"))
    var cacert: String?

    @Option(help: ArgumentHelp("Give up on a remote platform that has not answered after this many seconds (default 30).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Authenticate with this CIK (default: $ONEP_CIK; the root client locally).", valueName: "cik"))
    var cik: String?

    @Option(
        help: ArgumentHelp("Authenticate with a saved key name (see the shell's 'keys').", valueName: "name"),
        completion: .custom { _, _, prefix in ShellRunner.keyNameCompletions(prefix: prefix) }
    )
    var key: String?

    @Option(help: "How results are printed (default: text, or the saved setting).")
    var format: FormatChoice?

    @Option(
        help: ArgumentHelp(
            "The time zone times are shown and read in, e.g. America/Chicago or UTC (default: the saved setting, $TZ, the system's).",
            valueName: "zone"))
    var tz: String?

    @Option(
        help: ArgumentHelp(
            "How times are shown: auto (local human time in text and csv, unix in json), unix, iso8601, human or excel (default: the saved setting, auto).",
            valueName: "format"))
    var timeformat: String?

    @Flag(help: "Keep running a script after a command fails (scripts stop at the first failure).")
    var continueOnError = false

    @Flag(help: "Print each command line before running it.")
    var echo = false

    @Flag(name: .customLong("debug-http"), help: "Print every request as a curl command on stderr (CIKs masked).")
    var debugHTTP = false

    @Option(help: ArgumentHelp("The embedded platform's data directory (as for 'onep serve').", valueName: "dir"), completion: .directory)
    var data: String?

    @Option(
        help: ArgumentHelp("Record the commands that run to a script ('onep -f' replays it), or to a .t transcript.", valueName: "file"),
        completion: .file()
    )
    var record: String?

    @Option(
        help: ArgumentHelp("Run a .t transcript and print a diff of what differs (exit 1), or nothing.", valueName: "file"),
        completion: .file(extensions: ["t"])
    )
    var check: String?

    @Flag(help: "With --check, rewrite the transcript with the actual output.")
    var update = false

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("A shell command and its arguments.", valueName: "command"))
    var words: [String] = []

    func validate() throws {
        // Passthrough capture takes any flag the parser does not declare, help included.
        if let first = words.first, ["-h", "--help", "-help"].contains(first) {
            throw CleanExit.helpRequest(Self.self)
        }
        if words.first == "--version" { throw CleanExit.message(OnepVersion.text) }
        if let first = words.first, first.hasPrefix("-"), first != "-" {
            throw ValidationError("unknown option '\(first)'")
        }
        if !words.isEmpty && !(lines.isEmpty && files.isEmpty) {
            throw ValidationError("give a command or -c/-f, not both")
        }
        if cik != nil && key != nil {
            throw ValidationError("give --cik or --key, not both")
        }
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout must be a number of seconds above 0 (at most 86400)")
        }
        if host != nil && data != nil {
            throw ValidationError("--data is for the embedded platform; it does not go with --host")
        }
        if let host {
            do {
                _ = try HostURL.normalize(host)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        if let cacert {
            do {
                _ = try TrustedCertificates(pemFile: cacert)
            } catch {
                throw ValidationError("--cacert \(error)")
            }
        }
    }

    func run() async throws {
        throw ExitCode(await Launcher(options: self, arguments: Self.rawArguments).run())
    }

    /// The arguments without the program name, with outer options given after a one-shot command
    /// moved before it.
    static var rawArguments: [String] { TrailingOuterOptions.hoisted(Array(CommandLine.arguments.dropFirst())) }

    /// Routes `serve` to the server, everything else to the shell, and maps every outcome to the
    /// documented exit statuses (the argument parser's own usage status is 64).
    static func main() async {
        let arguments = rawArguments
        if arguments.first == "__complete" {
            await CompletionEntry.runAndExit(arguments: Array(arguments.dropFirst()))
        }
        if arguments.first == "serve" {
            await EntryPoint.run(ServeCommand.self, arguments: Array(arguments.dropFirst()))
        }
        await EntryPoint.run(Onep.self, arguments: arguments)
    }
}

/// `--format`'s values.
enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    var outputFormat: OutputFormat {
        OutputFormat(named: rawValue) ?? .text
    }
}
