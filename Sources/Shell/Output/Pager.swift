import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Long output at a terminal goes through a pager, as psql's does: `$PAGER`, else `less -FRX`
/// (which exits at once when the text fits). `set pager off` turns it off; output that is piped
/// or redirected never pages.
enum Pager {
    /// The pager when `$PAGER` is not set.
    static let defaultCommand = "less -FRX"

    /// Shows `text` through the pager when it is longer than the terminal.
    /// - Returns: whether the pager showed it; when false the caller writes it as usual.
    static func page(_ text: String, environment: [String: String]) -> Bool {
        let command = environment["PAGER"] ?? defaultCommand
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
        let lines = text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        guard lines >= terminalRows() - 1 else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            return false
        }
        // A pager that quits early closes its end; the rest of the text is not wanted then.
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }

    /// The terminal's height, or 24 when it cannot be asked.
    private static func terminalRows() -> Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return 24 }
        return Int(size.ws_row)
    }
}
