import Foundation
import LineEditor
import Testing
import TestSupport

@testable import Shell

/// Completion of model names, serial numbers and content ids in provision commands.
@Suite struct ProvisionCompletionTests {
    @Test func listsFillTheCompletionCache() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision sn add fleet 1001 1002 2001", "provision content create fleet fw-1")
        try await shell.setUp("provision model list", "provision sn list fleet", "provision content list fleet")
        #expect(await shell.runner.complete(textBeforeCursor: "provision sn info fl").candidates == ["fleet"])
        #expect(await shell.runner.complete(textBeforeCursor: "provision sn info fleet 10").candidates == ["1001", "1002"])
        #expect(await shell.runner.complete(textBeforeCursor: "provision sn remap fleet 2001 --from 1").candidates == ["1001", "1002"])
        #expect(await shell.runner.complete(textBeforeCursor: "provision content download fleet f").candidates == ["fw-1"])
        #expect(await shell.runner.complete(textBeforeCursor: "provision sn info other 1").candidates == [])
    }

    @Test func aKeystrokeFetchesNamesInTheBackground() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision sn add fleet 1001 1002")
        let reader = ScriptedLineReader(lines: ["pwd"], isInteractive: true)
        _ = await shell.newRunner().runInteractive(reader: reader)
        // Tab blocks its thread while names are fetched; pressed from a thread of its own, it leaves
        // the task threads free to run that fetch. Each key is its own fetch, which on a busy
        // machine may take a few keystrokes to land.
        #expect(await reader.completeUntilFound("provision sn enable fleet 100") == ["1001", "1002"])
        #expect(await reader.completeUntilFound("provision model info f") == ["fleet"])
    }

    @Test func oneShotCompletionAsksThePlatform() async throws {
        let shell = try ShellFixture()
        try await shell.makeFleetModel()
        try await shell.setUp("provision sn add fleet 1001 1002", "provision content create fleet fw")
        let runner = shell.newRunner()
        #expect(await runner.completions(forWords: ["provision", ""]) == ["auth", "content", "group", "model", "sn", "token", "vendor"])
        #expect(await runner.completions(forWords: ["provision", "sn", "info", ""]) == ["fleet"])
        #expect(await runner.completions(forWords: ["provision", "sn", "info", "fleet", "1"]) == ["1001", "1002"])
        #expect(await runner.completions(forWords: ["provision", "content", "info", "fleet", ""]) == ["fw"])
        #expect(await runner.completions(forWords: ["provision", "group", "add", "fleet", "g", "x", "--type", ""]) == ["content", "group", "sn"])
    }
}
