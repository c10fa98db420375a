import Foundation
import Testing

/// The README's "make another device like the demo one" walkthrough, run as written: each
/// `$ onep ...` line through the built binary in a fresh environment (whose first start seeds the
/// demo device), with what follows it up to the next command compared with what it printed.
@Suite("README template walkthrough")
struct ReadmeTemplateTourTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md").path

    @Test func theWalkthroughRunsAsWritten() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- template-tour"), "the README's walkthrough lost its marker")
        let end = try #require(text.range(of: "<!-- /template-tour -->", range: start.upperBound..<text.endIndex))
        let block = text[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("```") && !$0.contains("-->") }
        var steps: [(arguments: [String], expected: [String])] = []
        for line in block where !line.isEmpty {
            if line.hasPrefix("$ onep ") {
                steps.append((try Self.words(String(line.dropFirst("$ onep ".count))), []))
            } else {
                try #require(!steps.isEmpty, "output before any command: \(line)")
                steps[steps.count - 1].expected.append(String(line))
            }
        }
        #expect(steps.count >= 5)
        let world = try IsolatedEnvironment()
        for step in steps {
            let result = try OnepBinary.run(step.arguments, in: world, directory: world.root)
            #expect(result.status == 0, "\(step.arguments): \(result)")
            if !step.expected.isEmpty {
                let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
                #expect(printed == step.expected, "\(step.arguments.joined(separator: " ")): \(result)")
            }
        }
    }

    /// A command line's words: spaces separate, single quotes group.
    static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for character in line {
            if character == "'" {
                quoted.toggle()
                started = true
            } else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(character)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
