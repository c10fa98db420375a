import Foundation
import Testing

/// Templates that cannot be applied: each refused with one line naming `FILE:LINE`, before
/// anything changes.
@Suite struct TemplateBadInputTests {
    /// Runs check and apply on a template that should be refused; returns the one error line.
    func refusal(_ yaml: String, file name: String = "bad.yaml", in shell: ShellFixture? = nil) async throws -> String {
        let shell = try shell ?? ShellFixture()
        let file = try shell.write(name, yaml)
        try await shell.setUp("create client dev")
        let before = await shell.run("dump dev").out
        let checked = await shell.run("template check dev \(file)")
        let applied = await shell.run("template apply dev \(file)")
        #expect(checked.status == 1 && applied.status == 1)
        #expect(checked.err == applied.err)
        #expect(applied.err.split(separator: "\n").count == 1, "\(applied.err)")
        #expect(await shell.run("dump dev").out == before)
        #expect(applied.err.hasPrefix("error: "))
        return String(applied.err.dropFirst("error: ".count).dropLast()).replacingOccurrences(of: file, with: name)
    }

    @Test func malformedYAMLNamesTheLine() async throws {
        let error = try await refusal("dataports:\n  - alias: temp\n    format: [float\n")
        #expect(error.hasPrefix("bad.yaml:4: not valid YAML ("), "\(error)")
        let twice = try await refusal("dataports:\n  - alias: a\n    alias: b\n")
        #expect(twice.hasPrefix("bad.yaml:"), "\(twice)")
        #expect(twice.contains("'alias' is given twice"), "\(twice)")
    }

    @Test func unknownFormatsAndKeysAreRefused() async throws {
        #expect(
            try await refusal("dataports:\n  - alias: temp\n    format: floot\n")
                == "bad.yaml:3: dataport 'temp' has format 'floot': expected float, integer, string or string/json")
        #expect(
            try await refusal("dataports:\n  - alias: temp\n    fromat: float\n")
                == "bad.yaml:3: an item of dataports has an unknown key 'fromat' (did you mean 'format'?); known keys: alias, name, meta, public, "
                + "preprocess, retention, subscribe, tags, format, unit, description, initial, jsonschema, values, range, min, max")
        #expect(
            try await refusal("dataport:\n  - alias: temp\n").hasPrefix(
                "bad.yaml:1: the template has an unknown key 'dataport' (did you mean 'dataports'?)"))
        #expect(
            try await refusal("dataports:\n  - alias: t\n    retention: {count: lots}\n")
                == "bad.yaml:3: retention count should be a number of points or infinity")
        #expect(
            try await refusal("dataports:\n  - format: float\n")
                == "bad.yaml:2: an item of dataports has neither alias nor name: give one, so it can be found in the client")
    }

    @Test func aScriptFileThatDoesNotExistIsRefused() async throws {
        let error = try await refusal("scripts:\n  - file: missing.lua\n")
        #expect(error.hasPrefix("bad.yaml:2: script file "), "\(error)")
        #expect(error.hasSuffix("missing.lua does not exist: check the path"), "\(error)")
    }

    @Test func aScriptFileGivenByURLSaysToDownloadIt() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("url.yaml", "scripts:\n  - file: https://example.com/convert.lua\n")
        try await shell.setUp("create client dev")
        let refused = await shell.run("template apply dev \(file)")
        #expect(refused.status == 1)
        #expect(
            refused.err == "error: \(file):2: script file https://example.com/convert.lua is a URL: download it (e.g. curl -O) and give its path\n",
            "\(refused.err)")
        #expect(await shell.run("ls dev").out == "")
    }

    @Test func aScriptFileIsReadRelativeToTheTemplate() async throws {
        let shell = try ShellFixture()
        let folder = shell.file("site")
        try FileManager.default.createDirectory(atPath: folder + "/lua", withIntermediateDirectories: true)
        try "debug('from a file')\n".write(toFile: folder + "/lua/hello.lua", atomically: true, encoding: .utf8)
        try "scripts:\n  - file: lua/hello.lua\n".write(toFile: folder + "/t.yaml", atomically: true, encoding: .utf8)
        try await shell.setUp("create client dev")
        let applied = await shell.run("template apply dev \(folder)/t.yaml")
        #expect(applied.out == "created script hello.lua\n", "\(applied)")
        #expect(await shell.run("script ls dev").out.contains("hello.lua"))
        let broken = try await refusal("scripts:\n  - alias: x\n    code: 'if then'\n")
        #expect(broken == "bad.yaml:3: code:1: unexpected symbol near 'then'", "\(broken)")
    }

    @Test func aReferenceToNothingIsRefused() async throws {
        #expect(
            try await refusal("dataports:\n  - alias: a\n    subscribe: nowhere\n")
                == "bad.yaml:2: subscribe of dataport 'a' names 'nowhere', which is no alias or name in this client's template: add it, or give a RID"
        )
        #expect(try await refusal("dataports:\n  - alias: a\n  - alias: a\n") == "bad.yaml:3: the alias 'a' is given twice in one client")
    }

    @Test func anAliasHeldByAnotherResourceRefusesTheApply() async throws {
        let shell = try ShellFixture()
        let file = try shell.write("t.yaml", "dataports:\n  - alias: fresh\n  - alias: taken\n    format: integer\n")
        try await shell.setUp(
            "create client dev", "create datarule dev/rule --alias taken --format integer --when simple --comparison gt --constant 1")
        let before = await shell.run("dump dev").out
        let result = await shell.run("template apply dev \(file)")
        #expect(result.status == 1)
        #expect(result.err == "error: \(file):3: dataport 'taken': its alias 'taken' already names the datarule 'rule' here; nothing was changed\n")
        #expect(await shell.run("dump dev").out == before)
    }

    @Test func aStepThePlatformRefusesUndoesTheStepsBeforeIt() async throws {
        let shell = try ShellFixture()
        // 'b' is created first; then 'a' is to subscribe to a RID the platform does not have.
        let file = try shell.write(
            "t.yaml",
            "dataports:\n  - alias: b\n    format: integer\n  - alias: a\n    format: integer\n    retention: {count: 7}\n"
                + "    subscribe: 0123456789abcdef0123456789abcdef01234567\n")
        try await shell.setUp("create client dev", "create dataport dev/a --alias a --format integer")
        let before = await shell.run("dump dev").out
        let result = await shell.run("template apply dev \(file)")
        #expect(result.status == 1)
        #expect(result.err.split(separator: "\n").count == 1, "\(result.err)")
        #expect(await shell.run("dump dev").out == before)
    }

    @Test func aFileThatCannotBeReadSaysSo() async throws {
        let shell = try ShellFixture()
        let result = await shell.run("template check . nowhere.yaml")
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("error: nowhere.yaml cannot be read: check the path"), "\(result.err)")
    }
}
