import Foundation

/// What checking a transcript found.
public struct TranscriptReport: Sendable {
    /// A unified diff of the expected and the actual transcript; empty when they agree.
    public let diff: String
    /// Whether `--update` rewrote the file.
    public let updated: Bool

    public var passed: Bool { diff.isEmpty }
}

extension ShellRunner {
    /// `onep --check FILE.t`: runs each `$ command` of the transcript in this session and compares
    /// what it prints with the lines under it.
    /// - Parameter update: rewrite the file with the actual output (keeping ` (re)` lines that matched).
    /// - Throws: ``ShellError`` for a file that cannot be read or written, or is not a transcript.
    public func checkTranscript(at path: String, update: Bool = false) async throws(ShellError) -> TranscriptReport {
        let text: String
        do {
            text = try services.configuration.readFile(path)
        } catch {
            throw ShellError.file(path, "cannot be read: check the path")
        }
        let transcript = try Transcript(parsing: text, file: path)
        var actual = transcript.preamble
        var bindings = TranscriptBindings(environment: services.environment)
        for step in transcript.steps {
            tap.begin()
            let outcome = await run(line: bindings.expand(step.command))
            let output = Transcript.outputLines(tap.end())
            actual.append(Transcript.commandPrefix + step.command)
            actual += Transcript.reconcile(expected: step.expected, actual: output, bindings: &bindings)
            if outcome.exitRequested { break }
        }
        let diff = UnifiedDiff(old: transcript.lines, new: actual).render(oldName: path, newName: path + " (actual)")
        guard update, !diff.isEmpty else { return TranscriptReport(diff: diff, updated: false) }
        do {
            try (actual.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            // A transcript may hold what a recording keeps private.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        } catch {
            throw ShellError.file(path, "cannot be written: \(error.localizedDescription)")
        }
        return TranscriptReport(diff: diff, updated: true)
    }
}
