import Foundation

extension ShellRunner {
    /// `history -c`: forgets this session's lines and empties the history file. The line editor
    /// writes the file's header again with the next line it appends.
    func clearHistory() {
        history = []
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
