import CEditLine

/// libedit's history list plus the file that keeps it between sessions.
///
/// Each entered line is appended to the file at once, so a session that crashes loses nothing and
/// concurrent sessions interleave instead of overwriting each other. A file that cannot be read or
/// written costs a warning on standard error, never the session.
final class HistoryStore {
    /// Lines kept in memory (and recalled with the arrow keys).
    static let capacity = 1000

    let handle: OpaquePointer
    private var path: String?
    private let programName: String
    private var lastEntered: String?

    init(path: String?, programName: String) throws(LineEditorError) {
        guard let handle = history_init() else { throw .historyUnavailable }
        self.handle = handle
        self.path = path
        self.programName = programName
        onep_history_set_size(handle, Int32(Self.capacity))
        onep_history_set_unique(handle, 1)
        if let path {
            load(path)
        }
    }

    deinit {
        history_end(handle)
    }

    /// Adds `line` to the lines the arrow keys recall, and `saved` (the line with its secrets
    /// masked; the line itself when nil) to the file.
    func add(_ line: String, savedAs saved: String? = nil) {
        guard line.contains(where: { !$0.isWhitespace }), line != lastEntered else { return }
        lastEntered = line
        onep_history_enter(handle, line)
        guard let path else { return }
        let failure = SystemCalls.append(to: path) { fileWasEmpty in
            (fileWasEmpty ? HistoryFileFormat.header : "") + HistoryFileFormat.encode(saved ?? line)
        }
        if let failure {
            disablePersistence(path, reason: failure)
        }
    }

    /// The lines in memory, oldest first.
    var entries: [String] {
        HistoryStore.entries(of: handle)
    }

    /// Forgets the lines in memory, so the arrow keys recall nothing from before; the file is its
    /// owner's to empty.
    func clear() {
        onep_history_clear(handle)
        lastEntered = nil
    }

    static func entries(of handle: OpaquePointer) -> [String] {
        var lines: [String] = []
        var entry = onep_history_oldest(handle)
        while let current = entry {
            lines.append(String(cString: current))
            entry = onep_history_newer(handle)
        }
        return lines
    }

    private func load(_ path: String) {
        if let size = SystemCalls.fileSize(path), size > 0 {
            let loaded = Int(onep_history_load(handle, path))
            if loaded < 0 {
                // Appending to a file libedit cannot read would damage whatever it is.
                warn("\(path) is not a readable history file; history will not be saved")
                self.path = nil
                return
            } else if loaded > 2 * Self.capacity {
                // The file only grows by appending; rewrite it with what is kept once it is far too long.
                onep_history_save(handle, path)
            }
        }
        // Create the file now (owner-only) so an unwritable location is reported at start, once.
        let failure = SystemCalls.append(to: path) { fileWasEmpty in
            fileWasEmpty ? HistoryFileFormat.header : ""
        }
        if let failure {
            disablePersistence(path, reason: failure)
        }
    }

    private func disablePersistence(_ path: String, reason: String) {
        warn("cannot write history file \(path) (\(reason)); history will not be saved")
        self.path = nil
    }

    private func warn(_ message: String) {
        SystemCalls.writeStandardError("\(programName): warning: \(message)\n")
    }
}
