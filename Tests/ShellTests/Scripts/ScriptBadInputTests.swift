import Foundation
import OnePJSON
import Testing

/// Every bad input of the `script` commands: one line that says what to do, and nothing changed.
@Suite(.timeLimit(.minutes(1))) struct ScriptBadInputTests {
    /// Runs `line`, expects it to fail with exactly `message`, and the client's listing unchanged.
    private func refuses(_ shell: ShellFixture, _ line: String, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let before = await shell.run("ls -l").out
        let result = await shell.run(line)
        #expect(result.status != 0, "\(line) succeeded", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, sourceLocation: sourceLocation)
        #expect(result.err.split(separator: "\n").first.map(String.init) == "error: " + message, sourceLocation: sourceLocation)
        #expect(await shell.run("ls -l").out == before, "\(line) changed something", sourceLocation: sourceLocation)
    }

    @Test func filesThatAreNotLuaSource() async throws {
        let shell = try ShellFixture()
        let missing = shell.file("missing.lua")
        await refuses(shell, "script upload \(missing)", "\(missing) does not exist: check the path")
        await refuses(shell, "script upload \(shell.home)", "\(shell.home) is a directory: name the Lua file")
        let binary = shell.file("image.lua")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D]).write(to: URL(fileURLWithPath: binary))
        await refuses(shell, "script upload \(binary)", "\(binary) is not a text file: a script is Lua source in UTF-8")
        let latin1 = shell.file("latin1.lua")
        try (Data("debug('caf".utf8) + [0xE9, 0x27, 0x29]).write(to: URL(fileURLWithPath: latin1))
        await refuses(shell, "script upload \(latin1)", "\(latin1) is not a text file: a script is Lua source in UTF-8")
        let compiled = shell.file("compiled.luac")
        try Data([0x1B, 0x4C, 0x75, 0x61, 0x52, 0x00, 0x01, 0x04]).write(to: URL(fileURLWithPath: compiled))
        await refuses(shell, "script upload \(compiled)", "\(compiled) is compiled Lua, which the platform refuses: upload the .lua source")
        await refuses(shell, "create datarule x --script-file \(missing)", "\(missing) does not exist: check the path")
    }

    @Test func namesThatAreNotScripts() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create dataport temperature", "create datarule hot --subscribe temperature --when simple --comparison gt --constant 30")
        let file = try shell.lua("hello.lua", LuaScripts.hello)
        await refuses(
            shell, "script upload \(file) --name temperature", "script upload: 'temperature' is already a dataport here: choose another --name")
        await refuses(
            shell, "script upload \(file) --name hot", "script upload: 'hot' is already a datarule with a simple rule here: choose another --name")
        for command in ["status", "log", "restart", "rm --yes"] {
            let words = command.split(separator: " ")
            let line = "script \(words[0]) temperature" + (words.count > 1 ? " " + words[1] : "")
            await refuses(shell, line, "'temperature' is a dataport, not a script: 'script ls' lists the scripts here")
        }
        await refuses(shell, "script status hot", "'hot' is a datarule with a simple rule, not a script: 'script ls' lists the scripts here")
        await refuses(shell, "script log nothing", "'nothing' not found here: 'ls' lists what is here")
        await refuses(shell, "script ls temperature", "script ls: 'temperature' is a dataport, not a client: scripts belong to clients")
        for name in ["a/b", "..", String(repeating: "ab", count: 20)] {
            await refuses(
                shell, "script upload \(file) --name '\(name)'",
                "script upload: --name '\(name)' is not valid, expected "
                    + (name == "a/b" ? "a name without '/'" : name == ".." ? "a name" : "a name, not a RID"))
        }
    }

    @Test func ownersOutOfReachOrNotClients() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client device1", "create client device2", "create dataport temperature")
        let file = try shell.lua("hello.lua", LuaScripts.hello)
        await refuses(
            shell, "script upload \(file) --to temperature",
            "script upload: 'temperature' is a dataport, not a client: scripts belong to clients (--to CLIENT)")
        await refuses(shell, "script upload \(file) --to ..", "bad path '..': '..' would leave the client you are authenticated as")
        // As device1, device2 is beside it: out of reach.
        try await shell.setUp("set format json")
        let key = try #require(try JSON(parsing: await shell.run("info device1 --include key").out)["key"]?.stringValue)
        let sibling = try #require(try JSON(parsing: await shell.run("ls -l").out).arrayValue?.first { $0["name"] == "device2" }?["rid"]?.stringValue)
        try await shell.setUp("set format text", "auth \(key)")
        await refuses(
            shell, "script upload \(file) --to \(sibling)",
            "script upload: '\(sibling)' is outside what these credentials reach: --to names a client at or under /")
    }

    @Test func ruleOptionsThatDoNotGoTogether() async throws {
        let shell = try ShellFixture()
        let file = try shell.lua("hello.lua", LuaScripts.hello)
        await refuses(
            shell, "create datarule x --script 'debug(1)' --script-file \(file)",
            "create: --script-file cannot go with --script: give the source one way")
        await refuses(shell, "create datarule x --when script", "create: missing --script LUA or --script-file FILE for a script rule")
        await refuses(shell, "create dataport x --script-file \(file)", "create: --script-file applies only to a datarule, not to a dataport")
        await refuses(
            shell, "create datarule x --when simple --comparison gt --constant 1 --script-file \(file)",
            "create: --script-file does not apply to a simple rule")
        await refuses(shell, "script", "'script' needs a subcommand; choose one of: upload, ls, status, log, restart, rm")
    }
}
