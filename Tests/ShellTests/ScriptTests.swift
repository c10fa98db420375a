import Foundation
import OnePJSON
import Testing

@Suite struct ScriptTests {
    @Test func scriptsStopAtTheFirstFailure() async throws {
        let shell = try ShellFixture()
        let status = await shell.runner.runScript(source: "create dataport a\nraed a\ncreate dataport b\n")
        #expect(status == 2)
        #expect(shell.buffer.stderr.contains("did you mean 'read'"))
        #expect(await shell.run("ls").out == "a\n")
    }

    @Test func continueOnErrorRunsEverything() async throws {
        let shell = try ShellFixture(continueOnError: true)
        let status = await shell.runner.runScript(lines: ["read nothere", "create dataport b", "# a comment", ""])
        #expect(status == 1)
        #expect(await shell.run("ls").out == "b\n")
        try await shell.setUp("set bail on")
        #expect(await shell.runner.runScript(lines: ["read nothere", "create dataport c"]) == 1)
        #expect(await shell.run("ls").out == "b\n")
    }

    @Test func semicolonsContinuationsAndExit() async throws {
        let shell = try ShellFixture()
        let status = await shell.runner.runScript(lines: ["create dataport a; write a \\", "5", "exit 4", "create dataport never"])
        #expect(status == 4)
        #expect(await shell.run("read a").out == "timestamp   a\n1700000000  5.0\n")
        #expect(await shell.run("ls").out == "a\n")
    }

    @Test func sourceAndEcho() async throws {
        let shell = try ShellFixture(environment: ["NAME": "fromenv"])
        let file = shell.home + "/setup.onep"
        try "create dataport ${NAME}\nls\n".write(toFile: file, atomically: true, encoding: .utf8)
        try await shell.setUp("set echo on")
        _ = shell.buffer.take()
        #expect(await shell.runner.runScript(lines: ["source \(file)"]) == 0)
        #expect(shell.buffer.stdout.hasPrefix("source \(file)\ncreate dataport ${NAME}\n"))
        #expect(shell.buffer.stdout.hasSuffix("ls\nfromenv\n"))
        let missing = await shell.run("source \(shell.home)/none")
        #expect(missing.status == 1)
        #expect(missing.err == "error: \(shell.home)/none cannot be read\n")
        try "create dataport before\nexit 7\ncreate dataport after\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(await shell.runner.runScript(lines: ["source \(file)", "create dataport never"]) == 7)
        try "source \(file)\n".write(toFile: file, atomically: true, encoding: .utf8)
        let loop = await shell.run("source \(file)")
        #expect(loop.status == 1)
        #expect(loop.err.contains("is sourced more than 16 files deep"))
    }

    @Test func settings() async throws {
        let shell = try ShellFixture()
        #expect(await shell.run("set").out.contains("timeformat  unix"))
        try await shell.setUp("set timeformat human")
        #expect(await shell.run("set timeformat").out == "setting     value\ntimeformat  human\n")
        try await shell.setUp("unset timeformat")
        // unset goes back to onep's default, whatever the session started with.
        #expect(await shell.run("set timeformat").out == "setting     value\ntimeformat  auto\n")
        #expect(
            await shell.run("set format yaml").err
                == "error: set: format 'yaml' is not valid, expected one of text, json, csv\nusage: set [NAME] [VALUE] [--save]\n")
        #expect(await shell.run("set colour on").status == 2)
    }

    @Test func helpComesFromTheSpecs() async throws {
        let shell = try ShellFixture()
        let overview = await shell.run("help").out
        #expect(overview.contains("  read "))
        #expect(overview.contains("  keys add "))
        let readHelp = await shell.run("help read").out
        #expect(readHelp.hasPrefix("usage: read RES... [--limit N|all]"))
        #expect(readHelp.contains("--timeformat FORMAT"))
        #expect(await shell.run("read --help").out == readHelp)
        #expect(await shell.run("help keys add").out.hasPrefix("usage: keys add NAME CIK"))
        #expect(await shell.run("help raed").err.contains("did you mean 'read'"))
        let dump = try JSON(parsing: await shell.run("help --dump").out)
        #expect(dump["version"] == 1)
        #expect(dump["commands"]?.arrayValue?.contains { $0["words"] == ["tree"] } == true)
        #expect(dump["commands"]?.arrayValue?.first { $0["words"] == ["drop"] }?["effect"] == "destroys")
        let markdown = await shell.run("help --markdown").out
        #expect(markdown.contains("## keys add\n"))
        #expect(markdown.contains("| `--limit N|all` | at most N points per resource (default: the whole window when one is given, else 1) |"))
    }

    @Test func historyMasksKeys() async throws {
        let shell = try ShellFixture()
        _ = await shell.runner.runScript(lines: ["auth \(shell.rootCIK)", "history"])
        #expect(shell.buffer.stdout.contains("1  auth <redacted>\n2  history\n"))
        #expect(!shell.buffer.stdout.contains(shell.rootCIK))
    }

    @Test func keysLiveInTheConfigFile() async throws {
        let shell = try ShellFixture(authenticated: false)
        try await shell.setUp("keys add root \(shell.rootCIK)")
        let mode = try FileManager.default.attributesOfItem(atPath: shell.home + "/.config/onep/config.yaml")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let listed = await shell.run("keys").out
        #expect(listed.contains("root  …\(shell.rootCIK.suffix(4))  onep"))
        #expect(!listed.contains(shell.rootCIK))
        let authed = await shell.run("auth root")
        #expect(authed.out.hasPrefix("authenticated as root"))
        #expect(await shell.run("whoami").out.contains("auth: root"))
        #expect(await shell.run("auth rot").err.contains("did you mean 'root'"))
        #expect(await shell.run("keys add bad notakey").status == 2)
        try await shell.setUp("keys rm root")
        #expect(await shell.run("keys rm root").status == 1)
    }

    @Test func exolineKeysWork() async throws {
        let shell = try ShellFixture(authenticated: false)
        try "keys:\n  legacy: \(shell.rootCIK)\n".write(toFile: shell.home + "/.exoline", atomically: true, encoding: .utf8)
        #expect(await shell.run("keys").out.contains("legacy"))
        #expect(await shell.run("auth legacy").status == 0)
    }
}
