import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the commands of a session to a file as they run: a script that `onep -f` replays, or,
/// for a `.t` file, a transcript with each command's output that `onep --check` verifies.
///
/// Each command is appended at once, so a session that ends abruptly keeps what it did. Secrets
/// are written as `${ONEP_CIK}`-style references, never as values, and the file is its owner's
/// alone (0600). A transcript writes RIDs, keys, codes and times as named patterns (``names``),
/// so it checks clean on another platform.
final class SessionRecorder {
    let path: String
    let isTranscript: Bool
    /// The names a transcript gives values, as they are first seen.
    let names = TranscriptNames()
    private let handle: FileHandle

    /// Creates (or empties) the file and writes the header.
    /// - Parameter origin: how the session stood when recording started, for the header.
    /// - Throws: ``ShellError`` when the file cannot be created or written.
    init(path: String, origin: Origin) throws(ShellError) {
        self.path = path
        isTranscript = path.hasSuffix(".t")
        let descriptor = path.isEmpty ? -1 : open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ShellError.file(path, "cannot be written: check the directory exists and is writable")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        // An existing file keeps its mode through O_TRUNC: make it private too.
        guard fchmod(descriptor, 0o600) == 0 else {
            try? handle.close()
            throw ShellError.file(path, "cannot be made private (chmod 600): check you own it")
        }
        self.handle = handle
        try write(header(origin))
        // A replay shows and reads times as the recording did, whatever the replaying machine's
        // zone or saved settings.
        try record(command: "set timeformat " + origin.timeFormat, output: "", succeeded: true)
        try record(command: "set tz " + origin.zone, output: "", succeeded: true)
        if !origin.path.isEmpty, origin.path != "/" {
            // Replays start where the recording did.
            try record(command: "cd " + origin.path, output: "", succeeded: true)
        }
    }

    /// Where the session stood when recording started.
    struct Origin {
        var endpoint: String
        var authLabel: String
        var path: String
        var timeFormat: String
        var zone: String
    }

    private func header(_ origin: Origin) -> String {
        let auth = origin.authLabel.isEmpty ? "not authenticated" : origin.authLabel
        var text = "# onep session recorded from \(origin.endpoint), authenticated as \(auth), starting at \(origin.path)\n"
        if isTranscript {
            text += "# check it with: onep --check \((path as NSString).lastPathComponent) (--update rewrites it)\n"
        } else {
            text += "# replay it with: onep -f \((path as NSString).lastPathComponent); secrets come from ${ONEP_...} variables\n"
        }
        return text
    }

    /// Appends one command (already with secrets as references) and, for a transcript, its output.
    func record(command: String, output: String, succeeded: Bool) throws(ShellError) {
        if isTranscript {
            var text = Transcript.commandPrefix + command + "\n"
            for line in Transcript.outputLines(output) { text += line + "\n" }
            try write(text)
        } else {
            // A failed command would stop the replay; it stays visible as a comment.
            try write(succeeded ? command + "\n" : "# failed: " + command + "\n")
        }
    }

    func close() {
        try? handle.close()
    }

    private func write(_ text: String) throws(ShellError) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ShellError.file(path, "cannot be written: \(error.localizedDescription)")
        }
    }
}
