import Foundation
import Testing

@testable import Shell
import TestSupport

/// Tab on the `template` commands: the subcommands, then templates (.yaml, .yml) for FILE.
@Suite struct TemplateCompletionTests {
    @Test func tabOffersTheSubcommandsAndTemplateFiles() throws {
        let temporary = try TemporaryDirectory()
        for name in ["thermostat.yaml", "old.yml", "notes.txt", "fleet/sensor.yaml"] { try temporary.write(name, "") }
        let completer = Completer(commands: CommandTable.all, environment: [:], snapshot: CompletionSnapshot(), currentDirectory: temporary.path)
        func complete(_ line: String) -> [String] { completer.complete(textBeforeCursor: line).candidates.sorted() }
        #expect(complete("template ") == ["apply", "check", "example", "generate"])
        #expect(complete("template g") == ["generate"])
        #expect(complete("template check dev ") == ["fleet/", "old.yml", "thermostat.yaml"])
        #expect(complete("template apply dev fleet/") == ["fleet/sensor.yaml"])
        #expect(complete("template generate dev --file t") == ["thermostat.yaml"])
        #expect(complete("template apply dev t.yaml --d") == ["--dry-run"])
    }
}
