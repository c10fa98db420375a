import LineEditor
import OneP
import OnePEmbedded
import OnePlatform
import Shell
import Testing
import TestSupport

@Suite struct InteractiveTests {
    @Test func promptsFollowThePathAndHistoryIsMasked() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev")
        let reader = ScriptedLineReader(lines: ["cd dev", "auth \(shell.rootCIK)", "ls \\", "-l", "exit 3"], isInteractive: true)
        let status = await shell.runner.runInteractive(reader: reader)
        #expect(status == 3)
        #expect(reader.prompts == ["onep:/> ", "onep:/dev> ", "onep:/> ", "> ", "onep:/> "])
        #expect(reader.history == ["cd dev", "auth <redacted>", "ls -l", "exit 3"])
    }

    @Test func destructiveCommandsAskOnATerminal() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport a", "create dataport b")
        let reader = ScriptedLineReader(lines: ["drop a", "n", "drop b", "y", "drop a --yes"], isInteractive: true)
        #expect(await shell.runner.runInteractive(reader: reader) == 0)
        #expect(
            reader.prompts.contains {
                $0.hasPrefix("drop a: dataport 'a' (") && $0.hasSuffix("with 0 points: this cannot be undone. Continue? [y/N] ")
            })
        #expect(shell.buffer.stderr.contains("error: drop: not confirmed, nothing done"))
        #expect(await shell.run("ls").out == "")
    }

    @Test func interruptedLineAndEndOfInput() async throws {
        let shell = try ShellFixture()
        let reader = ScriptedLineReader(results: [.interrupted, .line("pwd")], isInteractive: true)
        #expect(await shell.runner.runInteractive(reader: reader) == 0)
        #expect(shell.buffer.stdout.hasPrefix("/  "))
    }

    @Test func completionWorksThroughTheReader() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature", "ls")
        let reader = ScriptedLineReader(lines: [], isInteractive: true)
        _ = await shell.runner.runInteractive(reader: reader)
        #expect(reader.complete("read tem") == CompletionResult(replacing: 3, candidates: ["temperature"]))
        #expect(reader.complete("wri")?.candidates == ["write", "writegroup"])
        #expect(await shell.runner.complete(textBeforeCursor: "set timeformat ").candidates == ["auto", "excel", "human", "iso8601", "unix"])
    }

    @Test func connectSwitchesEndpointAndForgetsAuth() async throws {
        let shell = try ShellFixture { configuration in
            let other = try? Platform.inMemory()
            configuration.localEndpoint = {
                guard let other else { throw CancellationError() }
                return Endpoint(description: "local (second)", transport: InProcessTransport(platform: other))
            }
        }
        let connected = await shell.run("connect local")
        #expect(connected.out == "connected to local (second)\n")
        #expect(await shell.run("ls").status == 3)
        #expect(await shell.run("connect ftp://nowhere").status == 2)
        let unreachable = try ShellFixture { configuration in
            configuration.remoteEndpoint = { url in .http(url, timeout: .seconds(2)) }
        }
        // connect asks the platform before it switches: nothing there, and the session stays put.
        let result = await unreachable.run("connect http://127.0.0.1:9")
        #expect(result.status == 3)
        #expect(result.err.contains("check that the platform runs"))
        #expect(!result.out.contains("connected"))
        #expect(await unreachable.run("ls").status == 0)
        await unreachable.runner.shutdown()
    }

    @Test func colorOnlyWhenAskedAndNeverWithNoColor() async throws {
        let plain = try ShellFixture()
        try await plain.setUp("set color on")
        #expect(!(await plain.run("tree").out.contains("\u{1B}[")))
        let colored = try ShellFixture(environment: ["NO_COLOR": ""]) { configuration in
            var environment = configuration.environment
            environment["NO_COLOR"] = nil
            configuration.environment = environment
        }
        #expect(!(await colored.run("tree").out.contains("\u{1B}[")))
        try await colored.setUp("set color on")
        #expect(await colored.run("tree").out.contains("\u{1B}["))
    }
}
