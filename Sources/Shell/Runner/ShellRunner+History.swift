import Foundation

extension ShellRunner {
    /// `history -c`: forgets the lines of this and earlier sessions and empties the history file.
    /// The line editor writes the file's header again with the next line it appends.
    func clearHistory() {
        history = []
        earlierHistory = []
        historyClearPending = true
        guard let path = services.configuration.historyFile, FileManager.default.fileExists(atPath: path) else { return }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            services.output.writeErr("warning: cannot clear the history file \(path)\n")
            return
        }
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: 0)
        } catch {
            services.output.writeErr("warning: cannot clear the history file \(path)\n")
        }
    }
}

extension ShellRunner {
    /// Whether `history -c` ran since the last call, so the line editor must forget its lines too.
    func takeHistoryClear() -> Bool {
        defer { historyClearPending = false }
        return historyClearPending
    }
}
