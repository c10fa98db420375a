import Foundation
import Shell

/// Turns the parsed outer options into a configured shell and runs it in the mode they ask for.
struct Launcher {
    let options: Onep
    /// The raw arguments, for the order of `-c` and `-f`.
    let arguments: [String]
    var environment = ProcessInfo.processInfo.environment

    /// - Returns: the process exit status.
    func run() async -> Int32 {
        do throws(OnepError) {
            let (runner, platform) = try await makeRunner(output: options.check == nil ? StandardStreams.sink : .quiet)
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
    func makeRunner(output: OutputSink) async throws(OnepError) -> (ShellRunner, PlatformChoice) {
        let platform = try await PlatformChoice.make(options: options, environment: environment)
        var configuration = ShellConfiguration(endpoint: platform.endpoint, output: output, environment: environment)
        configuration.cik = options.cik ?? configuration.cik ?? platform.defaultCIK
        configuration.keyName = options.key
        configuration.format = options.format.outputFormat
        configuration.continueOnError = options.continueOnError
        configuration.echo = options.echo
        configuration.localEndpoint = platform.openLocal
        configuration.remoteEndpoint = platform.openRemote
        return (ShellRunner(configuration: configuration), platform)
    }

    private func run(_ runner: ShellRunner, platform: PlatformChoice) async throws(OnepError) -> Int32 {
        if !options.words.isEmpty {
            return await Self.interruptible { await runner.runScript(lines: [CommandQuoting.line(options.words)]) }
        }
        let steps = ScriptStep.ordered(arguments: arguments, lines: options.lines, files: options.files)
        if !steps.isEmpty {
            let lines = try ScriptSource.lines(of: steps)
            return await Self.interruptible { await runner.runScript(lines: lines) }
        }
        if StandardStreams.isTerminal(STDIN_FILENO) {
            return await InteractiveSession(runner: runner, platform: platform, environment: environment).run()
        }
        let script = StandardStreams.readAll()
        return await Self.interruptible { await runner.runScript(source: script) }
    }
}
