import Foundation
import Testing

/// The README's short tour runs as written: each line typed after its prompt at a terminal, and its
/// one-shot examples from a pipe, all succeed on a fresh data directory.
@Suite("README tour")
struct ReadmeTourTests {
    typealias Key = PseudoTerminal.Key

    /// The README of this checkout.
    private static func readme() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The lines typed in the tour's console block: what follows each `onep:/...> ` prompt.
    private static func tourLines(_ readme: String) throws -> [String] {
        let tour = try #require(readme.range(of: "## A short tour"))
        let block = try #require(readme[tour.upperBound...].range(of: "```console\n"))
        let end = try #require(readme[block.upperBound...].range(of: "```"))
        return readme[block.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("onep:"), let prompt = line.range(of: "> ") else { return nil }
            return String(line[prompt.upperBound...])
        }
    }

    @Test func theTourRunsAtATerminal() throws {
        let lines = try Self.tourLines(try Self.readme())
        #expect(lines.count >= 5, "\(lines)")
        let world = try IsolatedEnvironment()
        let terminal = try PseudoTerminal.onep(in: world, variables: ["LANG": "C.UTF-8", "PAGER": "cat"], columns: 100, rows: 40)
        var prompt = "onep:/> "
        for line in lines {
            try terminal.typeLine(line)
            if line.hasPrefix("cd ") { prompt = "onep:/\(line.dropFirst(3))> " }
            let shown = try terminal.waitFor(prompt, timeout: .seconds(20))
            #expect(!shown.contains("error:"), "\(line): \(shown)")
        }
        try terminal.type(Key.endOfFile)
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test func theOneShotExamplesRunFromAPipe() throws {
        let world = try IsolatedEnvironment()
        for arguments in [
            ["read", "demo/temperature", "--limit", "5"], ["-c", "cd demo", "-c", "ls -l"], ["--format", "json", "info", "demo/humidity"],
        ] {
            let result = try OnepBinary.run(arguments, in: world)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.stderr.isEmpty, "\(arguments): \(result)")
        }
    }
}
