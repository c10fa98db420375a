import Foundation
import LineEditor
import OnePEmbedded
import Testing
import TestSupport

@testable import Shell

@Suite struct CompletionTests {
    @Test func aMissFetchesNamesFromThePlatform() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/temperature", "create dataport temp2")
        // A new shell on the same platform has listed nothing yet.
        let reader = ScriptedLineReader(lines: ["pwd"], isInteractive: true)
        _ = await shell.newRunner().runInteractive(reader: reader)
        let deep = await reader.completeAsAKeystroke("read dev/te")
        #expect(deep == ["dev/temperature"] || deep == [])
        // However the first keystroke fared, the fetch lands and later ones find the names.
        #expect(await reader.completeUntilFound("read dev/te") == ["dev/temperature"])
        #expect(await reader.completeAsAKeystroke("ls d") == ["dev/"])
    }

    @Test func oneShotCompletionAsksThePlatform() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/temperature", "map dev dev")
        let runner = shell.newRunner()
        #expect(await runner.completions(forWords: ["re"]) == ["read", "record", "revoke"])
        #expect(await runner.completions(forWords: ["read", ""]).contains("dev/"))
        #expect(await runner.completions(forWords: ["read", "dev/te"]) == ["dev/temperature"])
        #expect(await runner.completions(forWords: ["read", "x", "--sort", ""]) == ["asc", "desc"])
        #expect(await runner.completions(forWords: ["session", "record", ""]) == ["start", "stop"])
        #expect(await runner.completions(forWords: ["history", "-"]).contains("--clear"))
    }

    @Test func aliasesWorkAsPathSegmentsAtAnyDepth() async throws {
        let shell = try ShellFixture()
        try await shell.setUp(
            "create client demo-device --alias demo", "create client demo/gateway-unit --alias gw", "create dataport demo/gw/temperature",
            "create dataport demo/tension")
        // Names a command resolved, as the session saw them.
        try await shell.setUp("ls demo-device/gateway-unit")
        #expect(await shell.runner.complete(textBeforeCursor: "read demo/gw/te").candidates == ["demo/gw/temperature"])
        #expect(await shell.runner.complete(textBeforeCursor: "read demo/te").candidates == ["demo/tension"])
        #expect(await shell.runner.complete(textBeforeCursor: "read d").candidates == ["demo-device/", "demo/"])
        // Names completion fetched itself.
        let runner = shell.newRunner()
        #expect(await runner.completions(forWords: ["read", "demo/gw/te"]) == ["demo/gw/temperature"])
        #expect(await runner.completions(forWords: ["read", "demo/g"]) == ["demo/gateway-unit/", "demo/gw/"])
        #expect(await runner.completions(forWords: ["read", "demo/nothing/te"]) == [])
        let reader = ScriptedLineReader(lines: ["pwd"], isInteractive: true)
        _ = await shell.newRunner().runInteractive(reader: reader)
        #expect(await reader.completeUntilFound("read demo/gw/t") == ["demo/gw/temperature"])
    }

    @Test func filesCompleteAtAnyDepth() throws {
        let temporary = try TemporaryDirectory()
        try temporary.write("scripts/setup.onep", "")
        try temporary.write("scripts/.hidden", "")
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: CompletionSnapshot(), currentDirectory: temporary.path)
        #expect(completer.complete(textBeforeCursor: "source scr").candidates == ["scripts/"])
        #expect(completer.complete(textBeforeCursor: "source scripts/").candidates == ["scripts/setup.onep"])
        #expect(completer.complete(textBeforeCursor: "source scripts/.").candidates == ["scripts/.hidden"])
        #expect(completer.complete(textBeforeCursor: "session record start scripts/s").candidates == ["scripts/setup.onep"])
    }

    @Test func providerHooksSupplyValues() {
        var providers = CompletionProviders()
        providers.register("model") { prefix, _ in ["gateway", "sensor"].filter { $0.hasPrefix(prefix) } }
        #expect(providers.candidates("model", prefix: "s", arguments: ParsedArguments()) == ["sensor"])
        #expect(providers.candidates("serialNumber", prefix: "", arguments: ParsedArguments()).isEmpty)
    }
}

extension ScriptedLineReader {
    /// What Tab offers for `line`, asked from a thread of its own as libedit asks: a keystroke
    /// blocks its thread while it waits for the platform, and blocking one of the few threads that
    /// run tasks could starve the very fetch it waits for.
    func completeAsAKeystroke(_ line: String) async -> [String] {
        let completer = completer
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: completer?(CompletionRequest(line: line, cursor: line.count)).candidates ?? []) }.start()
        }
    }

    /// Presses Tab on `line` until something is offered (a background fetch has landed), or 50 times.
    func completeUntilFound(_ line: String) async -> [String] {
        for _ in 0..<50 {
            let found = await completeAsAKeystroke(line)
            if !found.isEmpty { return found }
        }
        return []
    }
}
