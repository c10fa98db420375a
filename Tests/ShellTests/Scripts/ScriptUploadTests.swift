import Foundation
import OnePJSON
import Testing

/// `script upload`, and `create`/`update` with `--script-file`, against the embedded platform.
@Suite(.timeLimit(.minutes(1))) struct ScriptUploadTests {
    @Test func anUploadedScriptRunsAndAnUploadOfTheSameNameReplacesItsSource() async throws {
        let shell = try await ShellFixture.withConverter()
        let file = try shell.lua("convert.lua", LuaScripts.convert)
        #expect(try await shell.runSettled("script upload \(file)").out == "created script 'convert.lua'\n")
        try await shell.setUp("write raw 215")
        try await shell.platform.settle()
        #expect(await shell.run("read celsius").out == "timestamp   celsius\n1700000000  21.5\n")
        #expect(await shell.run("script log convert.lua").out == "timestamp   log\n1700000000  line 5: converted 21.5\n")

        // A new source under the same name: the same datarule, running the new source from the top.
        _ = try shell.lua("convert.lua", LuaScripts.convert.replacingOccurrences(of: "/ 10", with: "/ 100"))
        #expect(try await shell.runSettled("script upload \(file)").out == "updated script 'convert.lua'\n")
        shell.clock.advance(by: 1)
        try await shell.setUp("write raw 300")
        try await shell.platform.settle()
        #expect(await shell.run("read celsius").out == "timestamp   celsius\n1700000001  3.0\n")
        #expect(await shell.run("ls").out == "celsius\nconvert.lua\nraw\n")

        // The same source again still runs it from the top, and the stored source stays the file's.
        for _ in 1...2 {
            let again = try await shell.runSettled("script upload \(file)")
            #expect(again.out == "restarted script 'convert.lua' (its source is unchanged)\n")
            let rule = try JSON(parsing: await shell.run("info convert.lua --include description").out)["description"]?["rule"]?["script"]
            #expect(rule?.stringValue == LuaScripts.convert.replacingOccurrences(of: "/ 10", with: "/ 100"))
        }
        shell.clock.advance(by: 1)
        try await shell.setUp("write raw 500")
        try await shell.platform.settle()
        #expect(await shell.run("read celsius").out == "timestamp   celsius\n1700000002  5.0\n")
        #expect(await shell.run("script log convert.lua").out.hasSuffix("1700000001  line 5: converted 3\n1700000002  line 5: converted 5\n"))
        // A script that says something when it starts says it again.
        let hello = try shell.lua("hello.lua", LuaScripts.hello)
        try await shell.runSettled("script upload \(hello)")
        shell.clock.advance(by: 1)
        #expect(try await shell.runSettled("script upload \(hello)").out == "restarted script 'hello.lua' (its source is unchanged)\n")
        #expect(await shell.run("script log hello.lua").out == "timestamp   log\n1700000002  line 1: hello\n1700000003  line 1: hello\n")
        let source = try JSON(parsing: await shell.run("info hello.lua --include description").out)["description"]?["rule"]?["script"]
        #expect(source == .string(LuaScripts.hello))
    }

    @Test func nameAndOwnerCanBeGiven() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client device1 --alias d1")
        let file = try shell.lua("hello.lua", LuaScripts.hello)
        let result = try await shell.runSettled("script upload \(file) --name greeter --to d1")
        #expect(result.out == "created script 'greeter'\n", "\(result.err)")
        #expect(await shell.run("script status d1/greeter").out == "script: greeter\nstatus: completed\nsince: 1700000000\n")
        #expect(await shell.run("ls device1").out == "greeter\n")
        // From inside the client, the name alone finds it and an upload replaces it.
        try await shell.setUp("cd device1")
        #expect(try await shell.runSettled("script upload \(file) --name greeter").out.hasPrefix("restarted script 'greeter'"))
        #expect(await shell.run("ls").out == "greeter\n")
    }

    @Test func aSyntaxErrorIsShownAtItsLineOfTheFileAndNothingIsUploaded() async throws {
        let shell = try ShellFixture()
        let file = try shell.lua("broken.lua", LuaScripts.broken)
        let result = await shell.run("script upload \(file)")
        #expect(result.status == 1)
        #expect(result.out.isEmpty)
        #expect(result.err == "error: \(file):3: unexpected symbol near '=' (fix the file: nothing was uploaded)\n")
        #expect(await shell.run("ls").out.isEmpty)
        // A script already there keeps its source when the new one does not compile.
        _ = try shell.lua("broken.lua", LuaScripts.hello)
        #expect(try await shell.runSettled("script upload \(file)").out == "created script 'broken.lua'\n")
        _ = try shell.lua("broken.lua", LuaScripts.broken)
        #expect(await shell.run("script upload \(file)").status == 1)
        let rule = try JSON(parsing: await shell.run("info broken.lua --include description").out)["description"]?["rule"]
        #expect(rule == ["script": .string(LuaScripts.hello)])
        #expect(await shell.run("script status broken.lua").out.contains("status: completed\n"))
        // An unterminated block is reported where Lua finds the end of the file.
        _ = try shell.lua("broken.lua", "while true do\n  debug(1)\n")
        #expect(
            await shell.run("script upload \(file)").err
                == "error: \(file):3: 'end' expected (to close 'while' at line 1) near <eof> (fix the file: nothing was uploaded)\n")
    }

    @Test func whatTheLuaCommandSkipsInAFileIsHarmless() async throws {
        let shell = try ShellFixture()
        // A byte order mark and a `#!` line, with a syntax error further down at its own line.
        let file = try shell.lua("tool.lua", "\u{FEFF}#!/usr/bin/env lua\ndebug('ok')\nlocal = 1\n")
        let result = await shell.run("script upload \(file)")
        #expect(result.err.hasPrefix("error: \(file):3: "), "\(result.err)")
        _ = try shell.lua("tool.lua", "\u{FEFF}#!/usr/bin/env lua\ndebug('ok')\n")
        try await shell.platform.settle()
        #expect(try await shell.runSettled("script upload \(file)").out == "created script 'tool.lua'\n")
        #expect(await shell.run("script log tool.lua").out.hasSuffix("line 2: ok\n"))
    }

    @Test func createAndUpdateTakeTheSourceFromAFile() async throws {
        let shell = try await ShellFixture.withConverter()
        let file = try shell.lua("convert.lua", LuaScripts.convert)
        try await shell.setUp("create datarule converter --script-file \(file)")
        try await shell.platform.settle()
        let description = try JSON(parsing: await shell.run("info converter --include description").out)["description"]
        #expect(description?["format"] == "string")
        #expect(description?["rule"] == ["script": .string(LuaScripts.convert)])
        try await shell.setUp("write raw 100")
        try await shell.platform.settle()
        #expect(await shell.run("read celsius").out.hasSuffix("  10.0\n"))

        let broken = try shell.lua("broken.lua", LuaScripts.broken)
        let update = await shell.run("update converter --script-file \(broken)")
        #expect(update.err == "error: \(broken):3: unexpected symbol near '=' (fix the file: nothing was uploaded)\n")
        let create = await shell.run("create datarule other --when script --script-file \(broken)")
        #expect(create.err == update.err)
        // Neither changed anything: the converter still runs its source.
        #expect(await shell.run("ls").out == "celsius\nconverter\nraw\n")
        let kept = try JSON(parsing: await shell.run("info converter --include description").out)["description"]?["rule"]
        #expect(kept == ["script": .string(LuaScripts.convert)])
    }
}
