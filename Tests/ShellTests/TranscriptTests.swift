import Foundation
import Testing

@testable import Shell

@Suite struct TranscriptTests {
    @Test func recordedTranscriptChecksCleanThenFailsThenUpdates() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature", "write temperature 20.5")
        let file = shell.file("readings.t")
        try await shell.setUp("session record start \(file)", "read temperature", "ls -l")
        _ = await shell.run("read nothing")
        try await shell.setUp("session record stop")
        let recorded = try String(contentsOfFile: file, encoding: .utf8)
        #expect(recorded.contains("$ read temperature\ntimestamp   temperature\n1700000000  20.5\n"))
        #expect(recorded.contains("$ read nothing\nerror: 'nothing' not found here: 'ls' lists what is here\n"))

        #expect(try await shell.runner.checkTranscript(at: file).passed)

        try await shell.setUp("write temperature 22")
        let report = try await shell.runner.checkTranscript(at: file)
        #expect(!report.passed)
        #expect(report.diff.contains("--- \(file)\n+++ \(file) (actual)\n@@ "))
        #expect(report.diff.contains("\n timestamp   temperature\n-1700000000  20.5\n+1700000000  22.0\n $ ls -l\n"))

        let updated = try await shell.runner.checkTranscript(at: file, update: true)
        #expect(updated.updated)
        #expect(try await shell.runner.checkTranscript(at: file).passed)
    }

    @Test func regularExpressionLinesMatchAndSurviveUpdate() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create dataport temperature", "write temperature 20.5")
        let file = shell.file("re.t")
        let text = "# readings\n$ read temperature\ntimestamp   temperature\n[0-9]+  20\\.5 (re)\n$ pwd\n/  old\n"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let report = try await shell.runner.checkTranscript(at: file, update: true)
        #expect(report.diff.contains("-/  old\n+/  "))
        #expect(!report.diff.contains("20.5"))
        let rewritten = try String(contentsOfFile: file, encoding: .utf8)
        #expect(rewritten.hasPrefix("# readings\n$ read temperature\ntimestamp   temperature\n[0-9]+  20\\.5 (re)\n$ pwd\n/  "))
    }

    @Test func badTranscriptsAreOneLineErrors() async throws {
        let shell = try ShellFixture()
        let cases: [(String, String)] = [
            ("hello\n$ ls\n", "line 1: output before the first '$ command' (is this a transcript?)"),
            ("$ ls\n[unclosed (re)\n", "line 2: bad regular expression '[unclosed': "),
            ("# nothing\n", "has no '$ command' lines: there is nothing to check"),
            ("$ \n", "line 1: '$' with no command"),
        ]
        for (text, message) in cases {
            let file = shell.file("bad.t")
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            do {
                _ = try await shell.runner.checkTranscript(at: file)
                Issue.record("\(text) was accepted")
            } catch {
                #expect(String(describing: error).hasPrefix(file + " " + message))
                #expect(!String(describing: error).contains("\n"))
            }
        }
        await #expect(throws: ShellError.self) { try await shell.runner.checkTranscript(at: "/no/such/file.t") }
    }

    @Test func unifiedDiffHasHunksWithContext() {
        let old = (1...10).map(String.init)
        var new = old
        new[4] = "five"
        let diff = UnifiedDiff(old: old, new: new).render(oldName: "a", newName: "b")
        #expect(diff == "--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
        #expect(UnifiedDiff(old: old, new: old).render(oldName: "a", newName: "b").isEmpty)
    }
}
