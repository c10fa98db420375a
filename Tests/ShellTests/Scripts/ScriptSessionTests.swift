import Foundation
import TestSupport
import Testing

@testable import Shell

/// The `script` commands in recordings and transcripts, and Tab on script names.
@Suite(.timeLimit(.minutes(1))) struct ScriptSessionTests {
    /// `convert.lua` that says when it is ready, so a replay can wait for it before feeding it.
    /// It takes `raw` before it says so: `.last` is the newest point when the alias is first
    /// taken, so taken after 'ready' it could already be the point the replay writes next, which
    /// its wait would then never answer (and the replay's `wait celsius` never end).
    static let announcing = "local raw = alias['raw'] debug('ready')\n" + LuaScripts.convert

    /// The session the recording tests record: upload, wait until the script runs, feed it, see
    /// its output. The waits make a replay, which runs each line at once, see what a person would.
    static func session(_ file: String) -> [String] {
        [
            "script upload '\(file)'", "wait 'my convert.lua' --since -60s", "write raw 215", "wait celsius --since -60s",
            "script log 'my convert.lua'", "script status 'my convert.lua'", "script ls",
        ]
    }

    @Test func aTranscriptOfTheScriptLoopChecksOnAFreshPlatform() async throws {
        let shell = try await ShellFixture.withConverter()
        let file = try shell.lua("my convert.lua", Self.announcing)
        let transcript = shell.file("scripts.t")
        try await shell.setUp("session record start \(transcript)")
        for line in Self.session(file) {
            try await shell.setUp(line)
            try await shell.platform.settle()
        }
        try await shell.setUp("session record stop")
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.contains("$ script upload '\(file)'\ncreated script 'my convert.lua'\n"))
        #expect(recorded.contains("$ script log 'my convert.lua'\ntimestamp   log\n${TIME1}  line 1: ready\n${TIME1}  line 6: converted 21.5\n"))
        #expect(recorded.contains("$ script status 'my convert.lua'\nscript: my convert.lua\nstatus: running\nsince: ${TIME1}\n"))

        let fresh = try await ShellFixture.withConverter()
        let report = try await fresh.runner.checkTranscript(at: transcript)
        #expect(report.passed, "\(report.diff)")
    }

    @Test func aRecordingKeepsTheFileArgumentAndReplays() async throws {
        let shell = try await ShellFixture.withConverter()
        let file = try shell.lua("my convert.lua", Self.announcing)
        let recording = shell.file("session.onep")
        try await shell.setUp("session record start \(recording)")
        for line in Self.session(file) {
            try await shell.setUp(line)
            try await shell.platform.settle()
        }
        _ = await shell.run("script upload \(shell.file("missing.lua"))")
        try await shell.setUp("session record stop")
        let recorded = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(recorded.contains("\nscript upload '\(file)'\nwait 'my convert.lua' --since -60s\n"))
        #expect(recorded.contains("\n# failed: script upload \(shell.file("missing.lua"))\n"))

        let fresh = try await ShellFixture.withConverter()
        #expect(await fresh.runner.runScript(source: recorded) == 0, "\(fresh.buffer.stderr)")
        #expect(fresh.buffer.take().stdout.contains("1700000000  line 6: converted 21.5\n"))
    }

    @Test func tabOffersScriptsAndTheClientsOnTheWayToThem() async throws {
        let shell = try ShellFixture()
        let file = try shell.lua("hello.lua", LuaScripts.hello)
        try await shell.setUp(
            "create client device1 --alias d1", "create dataport temperature", "create datarule tally --when simple --comparison gt --constant 1",
            "script upload \(file) --name convert", "script upload \(file) --name counter --to device1", "ls", "ls device1")
        func complete(_ line: String) async -> [String] { await shell.runner.complete(textBeforeCursor: line).candidates }
        #expect(await complete("script status ") == ["..", "/", "convert", "d1/", "device1/"])
        #expect(await complete("script log c") == ["convert"])
        #expect(await complete("script restart d1/") == ["d1/counter"])
        #expect(await complete("script rm device1/c") == ["device1/counter"])
        #expect(await complete("script upload \(file) --name ") == ["convert"])
        #expect(await complete("script upload \(file) --to device1 --name c") == ["counter"])
        #expect(await complete("script upload \(file) --to d1/ --name=") == ["--name=counter"])
        // A script the shell uploads is offered at once; one it removes is not.
        try await shell.setUp("script upload \(file) --name cleaner", "script rm convert --yes")
        #expect(await complete("script status c") == ["cleaner"])
        // A one-shot completion asks the platform itself.
        #expect(await shell.newRunner().completions(forWords: ["script", "log", "device1/"]) == ["device1/counter"])
    }

    @Test func tabOffersLuaFilesAndTheDirectoriesOnTheWay() throws {
        let temporary = try TemporaryDirectory()
        for name in ["convert.lua", "ALERT.LUA", "notes.txt", "lib/average.lua", "docs/readme.md"] { try temporary.write(name, "") }
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: CompletionSnapshot(), currentDirectory: temporary.path)
        func complete(_ line: String) -> [String] { completer.complete(textBeforeCursor: line).candidates.sorted() }
        #expect(complete("script upload ") == ["ALERT.LUA", "convert.lua", "docs/", "lib/"])
        #expect(complete("script upload lib/") == ["lib/average.lua"])
        #expect(complete("create datarule x --script-file c") == ["convert.lua"])
        #expect(complete("update x --script-file ") == ["ALERT.LUA", "convert.lua", "docs/", "lib/"])
        // Where no Lua file matches what is typed, every file does: a script may be kept as .txt.
        #expect(complete("script upload n") == ["notes.txt"])
        #expect(complete("script upload docs/") == ["docs/readme.md"])
    }
}
