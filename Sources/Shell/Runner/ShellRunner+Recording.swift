extension ShellRunner {
    /// Starts writing the commands that run from now on to `path` (`onep --record FILE`); a path
    /// ending in `.t` gets a transcript with each command's output. Replaces a recording in progress.
    /// - Throws: ``ShellError`` when the file cannot be written.
    public func startRecording(to path: String) throws(ShellError) {
        stopRecording()
        let origin = SessionRecorder.Origin(
            endpoint: session.endpoint.description, authLabel: session.authLabel, path: session.pathText,
            timeFormat: session.settings.timeFormat.name, zone: session.settings.zone.name)
        recorder = try SessionRecorder(path: path, origin: origin)
    }

    /// Stops recording and closes the file; nothing happens when no recording runs.
    public func stopRecording() {
        recorder?.close()
        recorder = nil
    }

    /// Carries out `session record start|stop`.
    /// - Returns: the failed outcome when the file cannot be written, else nil.
    func apply(_ request: RecordingRequest) -> CommandOutcome? {
        switch request {
        case .start(let path):
            do {
                try startRecording(to: path)
                services.output.writeOut("recording to \(path)\n")
            } catch {
                return report(error)
            }
        case .stop:
            guard let recorder else { return report(ShellError.failed("session record stop: nothing is being recorded")) }
            services.output.writeOut("stopped recording to \(recorder.path)\n")
            stopRecording()
        }
        return nil
    }
}
