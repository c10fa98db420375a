import Shell

/// `--record FILE` and `--check FILE.t [--update]`, applied to a shell before it runs anything.
enum SessionFiles {
    /// Starts recording, or checks a transcript.
    /// - Returns: the exit status when the run ends here (a check, or a file that cannot be
    ///   written); nil when the shell should go on as usual.
    static func start(_ runner: ShellRunner, options: Onep) async -> Int32? {
        if let path = options.check {
            do {
                let report = try await runner.checkTranscript(at: path, update: options.update)
                StandardStreams.writeOut(report.diff)
                return report.passed || report.updated ? 0 : 1
            } catch {
                StandardStreams.complain(error.description)
                return 2
            }
        }
        if let path = options.record {
            do {
                try await runner.startRecording(to: path)
            } catch {
                StandardStreams.complain(error.description)
                return 1
            }
        }
        return nil
    }
}
