import Foundation
import LineEditor
import OnePEmbedded
import Testing

@testable import Shell

@Suite struct CompletionTests {
    @Test func aMissFetchesNamesFromThePlatform() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client dev", "create dataport dev/temperature", "create dataport temp2")
        // A new shell on the same platform has listed nothing yet.
        let reader = ScriptedLineReader(lines: ["pwd"], isInteractive: true)
        _ = await shell.newRunner().runInteractive(reader: reader)
        let deep = reader.complete("read dev/te")
        #expect(deep?.candidates == ["dev/temperature"] || deep?.candidates == [])
        // However the first keystroke fared, the fetch lands and later ones find the names.
        var found: [String] = []
        for _ in 0..<50 where found.isEmpty {
            found = reader.complete("read dev/te")?.candidates ?? []
        }
        #expect(found == ["dev/temperature"])
        #expect(reader.complete("ls d")?.candidates == ["dev/"])
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

    @Test func filesCompleteAtAnyDepth() throws {
        let directory = NSTemporaryDirectory() + "onep-files-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/scripts", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/scripts/setup.onep", contents: nil)
        _ = FileManager.default.createFile(atPath: directory + "/scripts/.hidden", contents: nil)
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: CompletionSnapshot(), currentDirectory: directory)
        #expect(completer.complete(textBeforeCursor: "source scr").candidates == ["scripts/"])
        #expect(completer.complete(textBeforeCursor: "source scripts/").candidates == ["scripts/setup.onep"])
        #expect(completer.complete(textBeforeCursor: "source scripts/.").candidates == ["scripts/.hidden"])
        #expect(completer.complete(textBeforeCursor: "session record start scripts/s").candidates == ["scripts/setup.onep"])
    }

    @Test func providerHooksSupplyValues() {
        var providers = CompletionProviders()
        providers.register("model") { prefix, _ in ["gateway", "sensor"].filter { $0.hasPrefix(prefix) } }
        #expect(providers.candidates("model", prefix: "s", previous: []) == ["sensor"])
        #expect(providers.candidates("serialNumber", prefix: "", previous: []).isEmpty)
    }
}

extension ShellFixture {
    /// Another shell on the same platform, which has seen nothing of it yet.
    func newRunner() -> ShellRunner {
        let bootstrap = platform.bootstrap
        let endpoint = Endpoint(
            description: "local", transport: InProcessTransport(platform: platform), provision: InProcessProvisionTransport(platform: platform),
            vendor: VendorCredentials(name: bootstrap.vendorName, token: bootstrap.vendorToken))
        var configuration = ShellConfiguration(endpoint: endpoint, output: .capturing(OutputBuffer()), environment: ["HOME": home, "NO_COLOR": "1"])
        configuration.cik = rootCIK
        configuration.catchesInterrupts = false
        return ShellRunner(configuration: configuration)
    }
}
