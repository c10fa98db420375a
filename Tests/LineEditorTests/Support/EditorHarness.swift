import Foundation
import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a libedit session on a pseudo-terminal inside the test process: the test types into the
/// controlling side and reads the screen output from it, as a terminal emulator would.
///
/// No process is forked; ``readLine(prompt:)`` runs libedit on a thread of its own because it
/// blocks until a line is finished. Waiting for output has a deadline that only bounds failure.
final class EditorHarness: @unchecked Sendable {
    /// Guards `received` and `matchedUpTo`; `session` is used by one reading thread at a time.
    private let lock = NSLock()
    private let controller: Int32
    private let terminal: Int32
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private(set) var session: EditLineSession?
    private var received: [UInt8] = []
    private var matchedUpTo = 0

    init(historyFile: String? = nil, editrc: String = "/dev/null", columns: UInt16 = 80) throws {
        var controller: Int32 = -1
        var terminal: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&controller, &terminal, nil, nil, &size) == 0)
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
        self.controller = controller
        self.terminal = terminal
        input = try #require(fdopen(dup(terminal), "r"))
        output = try #require(fdopen(dup(terminal), "w"))
        let configuration = EditLineSession.Configuration(
            input: input, output: output, error: output, terminalType: "xterm", editrc: editrc)
        session = try EditLineSession(
            programName: "onep", history: HistoryStore(path: historyFile, programName: "onep"), configuration: configuration)
    }

    deinit {
        session = nil
        fclose(input)
        fclose(output)
        close(terminal)
        close(controller)
    }

    var completer: (@Sendable (CompletionRequest) -> CompletionResult)? {
        get { session?.completer }
        set { session?.completer = newValue }
    }

    /// Reads one line on a thread of its own, as the shell would on its main thread.
    func readLine(prompt: String) async -> LineReadResult {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: self.session?.readLine(prompt: prompt) ?? .endOfFile)
            }
        }
    }

    func addHistory(_ line: String) {
        session?.addHistory(line)
    }

    /// Types `keys` as a terminal would send them.
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        bytes.withUnsafeBytes { _ = write(controller, $0.baseAddress, $0.count) }
    }

    /// Waits until `text` appears on screen after the previous match; returns the screen text
    /// from the previous match through this one.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let screen = Self.readable(lock.withLock { received })
            let start = screen.utf8.index(screen.startIndex, offsetBy: min(lock.withLock { matchedUpTo }, screen.utf8.count))
            if let range = screen[start...].range(of: text) {
                lock.withLock { matchedUpTo = screen.utf8.distance(from: screen.startIndex, to: range.upperBound) }
                return String(screen[start..<range.upperBound])
            }
            guard ContinuousClock.now < deadline else {
                let raw = String(decoding: lock.withLock { received }, as: UTF8.self)
                Issue.record(
                    "timed out waiting for \(text.debugDescription); screen since last match:\n\(screen[start...])\nraw: \(raw.debugDescription)")
                // Ends a pending readLine, which the failing test's `async let` still awaits:
                // Ctrl-C if libedit reads keys, and a newline if the terminal is still in line mode.
                type("\u{03}\n")
                throw CancellationError()
            }
            var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
                if count > 0 {
                    lock.withLock { received += chunk[..<count] }
                }
            }
        }
    }

    /// Screen output without escape sequences, carriage returns, backspaces and bells.
    private static func readable(_ bytes: [UInt8]) -> String {
        // Matched scalar by scalar: as Characters, "\r\n" is one grapheme and "\r" would not match it.
        let escapesAndMotions = #/\x1B\[[0-9;?]*[ -\/]*[@-~]|\x1B[()][0-9A-Za-z]|\x1B[=>]|[\r\x07\x08]/#
            .matchingSemantics(.unicodeScalar)
        return String(decoding: bytes, as: UTF8.self).replacing(escapesAndMotions, with: "")
    }
}
