import CEditLine

/// Reading a history file as libedit reads it, for programs that show the whole history.
public enum HistoryFile {
    /// The entries of the history file at `path`, oldest first, decoded by libedit itself so every
    /// escape it or onep wrote comes back as typed.
    /// - Returns: nil when the file is missing or is not a history file libedit can read.
    public static func entries(atPath path: String) -> [String]? {
        guard let size = SystemCalls.fileSize(path) else { return nil }
        guard size > 0 else { return [] }
        guard let handle = history_init() else { return nil }
        defer { history_end(handle) }
        // No cap: the file keeps more than a session recalls, and all of it is wanted here.
        onep_history_set_size(handle, Int32.max)
        guard onep_history_load(handle, path) >= 0 else { return nil }
        return HistoryStore.entries(of: handle)
    }
}
