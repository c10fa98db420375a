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
        #expect(recorded.contains("$ read temperature\ntimestamp   temperature\n${TIME1}  20.5\n"))
        #expect(recorded.contains("$ read nothing\nerror: 'nothing' not found here: 'ls' lists what is here\n"))

        #expect(try await shell.runner.checkTranscript(at: file).passed)

        try await shell.setUp("write temperature 22")
        let report = try await shell.runner.checkTranscript(at: file)
        #expect(!report.passed)
        #expect(report.diff.contains("--- \(file)\n+++ \(file) (actual)\n@@ "))
        #expect(report.diff.contains("\n timestamp   temperature\n-${TIME1}  20.5\n+1700000000  22.0\n $ ls -l\n"))

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

    @Test func aTranscriptNamesRIDsKeysAndTimesSoAnotherPlatformChecksClean() async throws {
        let shell = try ShellFixture()
        let file = shell.file("setup.t")
        try await shell.setUp(
            "session record start \(file)", "create client dev --alias dev", "create dataport dev/temperature --alias temperature",
            "write dev/temperature 20.5", "ls -l dev", "read dev/temperature", "info dev --include key", "share dev/temperature",
            "lookup dev", "session record stop")
        let recorded = try String(contentsOfFile: file, encoding: .utf8)
        let rid = await shell.run("lookup dev").out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!recorded.contains(rid), "\(recorded)")
        #expect(recorded.contains("$ create client dev --alias dev\n${RID1}\n"), "\(recorded)")
        #expect(recorded.contains("$ lookup dev\n${RID1}\n"), "\(recorded)")
        #expect(recorded.contains("${TIME1}  20.5"), "\(recorded)")
        #expect(recorded.contains("{\n  \"key\": \"${CIK1}\"\n}"), "\(recorded)")
        #expect(recorded.contains("$ share dev/temperature\n${CODE1}\n"), "\(recorded)")

        // A fresh platform makes other RIDs, keys and times: the transcript still checks clean.
        let fresh = try ShellFixture()
        fresh.clock.advance(by: 3600)
        let freshFile = fresh.file("setup.t")
        try recorded.write(toFile: freshFile, atomically: true, encoding: .utf8)
        let report = try await fresh.runner.checkTranscript(at: freshFile)
        #expect(report.passed, "\(report.diff)")
    }

    @Test func aNamedRIDMustStayTheSameRID() async throws {
        let shell = try ShellFixture()
        try await shell.setUp("create client a --alias a", "create client b --alias b")
        let file = shell.file("same.t")
        try "$ lookup a\n${RID1}\n$ lookup b\n${RID1}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let report = try await shell.runner.checkTranscript(at: file)
        #expect(!report.passed)
        #expect(report.diff.contains("-${RID1}"), "\(report.diff)")
        // A named value can be used by a later command of the transcript.
        try "$ lookup a\n${RID1}\n$ lookup --owner ${RID1}\n${RID2}\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try await shell.runner.checkTranscript(at: file).passed)
    }

    @Test func recordingsAreReadableOnlyByTheirOwner() async throws {
        let shell = try ShellFixture()
        for name in ["private.t", "private.onep"] {
            let file = shell.file(name)
            try "old".write(toFile: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            try await shell.setUp("session record start \(file)", "pwd", "session record stop")
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name): \(String(mode ?? 0, radix: 8))")
        }
    }
}
