import Foundation
import Testing

/// The `script` commands through the built onep: a Lua file uploaded from a pipe, fed, and its
/// output read; errors as one line; Tab on a script name; recordings and transcripts.
@Suite("Script commands")
struct ScriptCommandTests {
    /// Says it is ready, then turns tenths of a degree on `raw` into degrees on `celsius`. `raw`
    /// is taken before it says so: its `.last` is the newest point when it is taken, so a write
    /// after 'ready' is one its wait answers.
    static let convert = """
        local raw = alias['raw']
        debug('ready')
        while true do
          local ts = raw.wait()
          local celsius = raw[ts] / 10
          debug('converted ' .. celsius)
          alias['celsius'][ts] = celsius
        end

        """

    @Test func theScriptLoopRunsFromAPipe() throws {
        let world = try IsolatedEnvironment()
        _ = try world.file(named: "convert.lua", containing: Self.convert)
        // The waits stand for a person's pace: the script is running, then its output is there.
        let input = """
            create dataport raw --format integer --alias raw
            create dataport celsius --alias celsius
            script upload convert.lua
            wait convert.lua --since -60s --timeout 20
            write raw 215
            wait celsius --since -60s --timeout 20
            script log convert.lua
            set format json
            script status convert.lua

            """
        let result = try OnepBinary.run([], input: input, in: world, directory: world.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.stdout.contains("\ncreated script 'convert.lua'\n"), "\(result)")
        // Times show as local human time, the default.
        #expect(result.stdout.firstMatch(of: /\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[+-]\d\d:\d\d  21\.5\n/) != nil, "\(result)")
        #expect(
            result.stdout.firstMatch(
                of: /timestamp +log\n[-0-9 :+]+  line 2: ready\n[-0-9 :+]+  line 6: converted 21\.5\n/) != nil, "\(result)")
        let status = try #require(result.stdout.split(separator: "\n").last)
        #expect(status.hasPrefix(#"[{"name":"convert.lua","status":"running","since":"#), "\(result)")
    }

    @Test func badFilesAndSyntaxErrorsAreOneLineWithTheFile() throws {
        let world = try IsolatedEnvironment()
        _ = try world.file(named: "broken.lua", containing: "local a = 1\nlocal b = 2\nlocal c = = 3\n")
        let broken = try OnepBinary.run(["script", "upload", "broken.lua"], in: world, directory: world.root)
        #expect(broken.status == 1)
        #expect(broken.stdout.isEmpty)
        #expect(broken.stderr == "error: broken.lua:3: unexpected symbol near '=' (fix the file: nothing was uploaded)\n")
        let missing = try OnepBinary.run(["script", "upload", "nothere.lua"], in: world, directory: world.root)
        #expect(missing.status == 1)
        #expect(missing.stderr == "error: nothere.lua does not exist: check the path\n")
        try Data([0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: world.root + "/blob.lua"))
        let binary = try OnepBinary.run(["script", "upload", "blob.lua"], in: world, directory: world.root)
        #expect(binary.stderr == "error: blob.lua is not a text file: a script is Lua source in UTF-8\n")
        let dataport = try OnepBinary.run(["script", "status", "demo/temperature"], in: world)
        #expect(dataport.stderr == "error: 'demo/temperature' is a dataport, not a script: 'script ls' lists the scripts here\n")
        // A script that fails as it runs is there, stopped, and says why.
        _ = try world.file(named: "fails.lua", containing: "local x = nil\nx = x + 1\n")
        let input = "script upload fails.lua --name fails\nwait fails --since -60s --timeout 20\nset format json\nscript ls\n"
        let listed = try OnepBinary.run([], input: input, in: world, directory: world.root)
        #expect(listed.status == 0, "\(listed)")
        #expect(listed.stdout.hasPrefix("created script 'fails'\n"), "\(listed)")
        #expect(!listed.stdout.contains("broken"), "\(listed)")
        #expect(listed.stdout.contains(#""name":"fails","status":"error","#), "\(listed)")
        #expect(listed.stdout.contains(#""error":"line 2: attempt to perform arithmetic on local 'x' (a nil value)","#), "\(listed)")
    }

    @Test func tabCompletesAScriptName() throws {
        let world = try IsolatedEnvironment()
        let file = try world.file(named: "convert.lua", containing: "while true do alias['temperature'].wait() end\n")
        let terminal = try PseudoTerminal.onep(in: world)
        try terminal.typeLine("script upload \(file) --name converter --to demo")
        try terminal.waitFor("created script 'converter'")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type("script status demo/con" + Key.tab)
        try terminal.waitFor("script status demo/converter")
        try terminal.type(Key.enter)
        try terminal.waitFor("status: running")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    typealias Key = PseudoTerminal.Key

    /// `script log --follow` against `onep serve`: a write from another process reaches the
    /// script, its output shows as it comes, and Ctrl-C ends the follow, not the shell.
    @Test func ctrlCEndsAFollowedLogAndTheShellGoesOn() throws {
        let world = try IsolatedEnvironment()
        let served = try ServedPlatform(in: world)
        let file = try world.file(named: "convert.lua", containing: Self.convert)
        let remote = ["--host", served.url, "--cik", served.rootCIK]
        let terminal = try PseudoTerminal.onep(in: world, arguments: remote)
        for line in ["create dataport raw --format integer --alias raw", "create dataport celsius --alias celsius"] {
            try terminal.typeLine(line)
            try terminal.waitForPrompt("onep:/> ")
        }
        try terminal.typeLine("script upload \(file) --name convert")
        try terminal.waitFor("created script 'convert'")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.typeLine("script log convert --follow")
        try terminal.waitFor("line 2: ready")
        let write = try OnepBinary.run(remote + ["write", "raw", "215"], in: world)
        #expect(write.status == 0, "\(write)")
        try terminal.waitFor("line 6: converted 21.5")
        try terminal.type(Key.interrupt)
        try terminal.waitFor("interrupted")
        try terminal.waitForPrompt("onep:/> ")
        #expect(terminal.transcript.contains("^C\nerror: interrupted\n"), "\(terminal.transcript)")
        try terminal.typeLine("read celsius")
        try terminal.waitFor("  21.5")
        try terminal.waitForPrompt("onep:/> ")
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func aRecordedTranscriptChecksAndARecordingReplaysElsewhere() throws {
        let world = try IsolatedEnvironment()
        _ = try world.file(named: "hello.lua", containing: "debug('hello')\n")
        let input = "script upload hello.lua --name hello\nscript upload hello.lua --name hello\nscript status nothing\n"
        let recorded = try OnepBinary.run(["--continue-on-error", "--record", "hello.t"], input: input, in: world, directory: world.root)
        #expect(recorded.status == 1, "\(recorded)")
        let transcript = try String(contentsOfFile: world.root + "/hello.t", encoding: .utf8)
        #expect(transcript.contains("$ script upload hello.lua --name hello\ncreated script 'hello'\n"), "\(transcript)")
        #expect(transcript.contains("$ script upload hello.lua --name hello\nrestarted script 'hello' (its source is unchanged)\n"))

        // A platform that has never seen the script gives the same answers.
        let elsewhere = try IsolatedEnvironment()
        let check = try OnepBinary.run(["--check", world.root + "/hello.t"], in: elsewhere, directory: world.root)
        #expect(check.status == 0, "\(check)")

        _ = try OnepBinary.run(["--record", "hello.onep", "-c", "script upload hello.lua --name hello"], in: world, directory: world.root)
        let replayed = try OnepBinary.run(["-f", world.root + "/hello.onep"], in: elsewhere, directory: world.root)
        #expect(replayed.status == 0, "\(replayed)")
        #expect(replayed.stdout.hasPrefix("restarted script 'hello'"), "\(replayed)")
    }
}
