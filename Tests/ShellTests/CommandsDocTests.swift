import Foundation
import Testing

@testable import Shell

/// docs/COMMANDS.md is generated from the specs; this test fails when someone changes a spec and
/// forgets to regenerate it. `ONEP_UPDATE_DOCS=1` makes the test rewrite the file instead.
@Suite struct CommandsDocTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/COMMANDS.md").path

    @Test func commandsReferenceIsUpToDate() throws {
        let rendered = MarkdownGenerator(commands: CommandTable.all).render()
        if ProcessInfo.processInfo.environment["ONEP_UPDATE_DOCS"] == "1" {
            try rendered.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let onDisk = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
        #expect(
            onDisk == rendered,
            "docs/COMMANDS.md is out of date: regenerate it with 'onep help --markdown > docs/COMMANDS.md' (or ONEP_UPDATE_DOCS=1 swift test --filter CommandsDocTests)"
        )
    }

    @Test func everyCommandHasASection() {
        let rendered = MarkdownGenerator(commands: CommandTable.all).render()
        for spec in CommandTable.all {
            #expect(rendered.contains("## \(spec.name)\n"), "no section for \(spec.name)")
        }
    }
}
