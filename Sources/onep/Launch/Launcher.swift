import Foundation
import OnePlatform
import Shell

/// Turns the parsed outer options into a configured shell and runs it in the mode they ask for.
struct Launcher {
    let options: Onep
    /// The raw arguments, for the order of `-c` and `-f`.
    let arguments: [String]
    var environment = ProcessInfo.processInfo.environment

    /// - Returns: the process exit status.
    func run() async -> Int32 {
        do throws(LaunchError) {
            let (runner, platform) = try await makeRunner(
                output: options.check == nil ? StandardStreams.sink : .quiet, keepsHistory: runsInteractively)
            if let problem = await runner.startupError {
                StandardStreams.complain(problem)
                await runner.shutdown()
                return 2
            }
            if let special = await SessionFiles.start(runner, options: options) {
                await runner.shutdown()
                return special
            }
            let code = try await run(runner, platform: platform)
            await runner.shutdown()
            return code
        } catch {
            StandardStreams.complain(error.description)
            return error.exitCode
        }
    }

    /// A shell configured as the outer options say, on the platform they choose.
    /// - Parameters:
    ///   - keepsHistory: whether the shell keeps a history file (interactive sessions), which
    ///     `history -c` then empties.
    ///   - backgroundWork: whether the embedded platform takes its turn at timers and scripts.
    func makeRunner(
        output: OutputSink, keepsHistory: Bool = false, backgroundWork: BackgroundWorkPolicy = .whenFree(as: "onep")
    ) async throws(LaunchError) -> (ShellRunner, PlatformChoice) {
        let platform = try await PlatformChoice.make(options: options, environment: environment, backgroundWork: backgroundWork)
        var configuration = ShellConfiguration(endpoint: platform.endpoint, output: output, environment: environment)
        if keepsHistory {
            configuration.historyFile = HistoryLocation.file(endpointName: platform.historyName, environment: environment)
        }
        configuration.cik = options.cik ?? configuration.cik ?? platform.defaultCIK
        configuration.keyName = options.key
        configuration.format = options.format?.outputFormat
        configuration.timeZone = options.tz
        configuration.timeFormat = options.timeformat
        configuration.continueOnError = options.continueOnError
        configuration.echo = options.echo
        configuration.localEndpoint = platform.openLocal
        configuration.remoteEndpoint = platform.openRemote
        configuration.showsProgress = StandardStreams.isTerminal(STDERR_FILENO)
        configuration.timeout = options.timeout
        return (ShellRunner(configuration: configuration), platform)
    }

    /// No command words, no `-c`/`-f`, no `--check`, and a terminal on stdin: the REPL.
    private var runsInteractively: Bool {
        options.words.isEmpty && options.lines.isEmpty && options.files.isEmpty && options.check == nil
            && StandardStreams.isTerminal(STDIN_FILENO)
    }

    private func run(_ runner: ShellRunner, platform: PlatformChoice) async throws(LaunchError) -> Int32 {
        if !options.words.isEmpty {
            return await Self.interruptible { await runner.runScript(lines: [CommandQuoting.line(options.words)]) }
        }
        let steps = ScriptStep.ordered(arguments: arguments, lines: options.lines, files: options.files)
        if !steps.isEmpty {
            let lines = try ScriptSource.lines(of: steps)
            return await Self.interruptible { await runner.runScript(scriptLines: lines) }
        }
        if runsInteractively {
            return await InteractiveSession(runner: runner, platform: platform, historyFile: runner.historyFile).run()
        }
        let script = StandardStreams.readAll()
        return await Self.interruptible { await runner.runScript(source: script) }
    }
}
