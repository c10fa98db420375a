/// Why driving a program on a pseudo-terminal failed; the description shows what the program printed.
struct PseudoTerminalError: Error, CustomStringConvertible {
    enum Reason {
        case spawnFailed(executable: String, reason: String)
        case writeFailed(reason: String)
        case textNotSeen(String, output: String, programEnded: Bool)
        case stillRunning(output: String)
        case productMissing(name: String, searched: [String])
    }

    let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    var description: String {
        switch reason {
        case .spawnFailed(let executable, let reason):
            "could not start \(executable): \(reason)"
        case .writeFailed(let reason):
            "could not type into the terminal: \(reason)"
        case .textNotSeen(let text, let output, let programEnded):
            "\(programEnded ? "the program ended" : "timed out") before printing \(text.debugDescription); "
                + "output since the last match:\n\(output)"
        case .stillRunning(let output):
            "the program did not exit; its output:\n\(output)"
        case .productMissing(let name, let searched):
            "no built \(name) next to the tests (looked in \(searched.joined(separator: ", "))); run swift build first"
        }
    }
}
