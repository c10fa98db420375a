/// session record start|stop: recording what the session does, to replay or check it later.
///
/// They live under `session` because `record RES ...` already writes points, and a resource may
/// well be called `start`. Neither is itself recorded.
enum SessionRecordCommands {
    static let file = Argument<String>("FILE", "the script, or a .t transcript", completion: .file)

    static let start = CommandSpec(
        words: ["session", "record", "start"],
        abstract: "Record the commands that run from now on to a file",
        discussion:
            "A plain file becomes a script that 'onep -f FILE' replays; a FILE.t becomes a transcript with each command's output that 'onep --check FILE.t' verifies. Secrets are written as ${ONEP_CIK}-style references to environment variables, never as values. 'onep --record FILE' records from the start.",
        arguments: [file],
        examples: ["session record start setup.onep", "session record start check-readings.t"],
        isRecorded: false,
        run: { context in
            context.recordingRequest = .start(context[file])
            return nil
        }
    )

    static let stop = CommandSpec(
        words: ["session", "record", "stop"],
        abstract: "Stop recording and close the file",
        isRecorded: false,
        run: { context in
            context.recordingRequest = .stop
            return nil
        }
    )
}

/// What a command asks the runner to do about recording.
enum RecordingRequest: Sendable {
    case start(String)
    case stop
}
