import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program on a pseudo-terminal, as a person at a terminal would: tests type keys into it
/// and wait for what it prints.
///
/// Waiting polls the terminal with short non-blocking reads until the expected text appears or a
/// deadline passes; the deadline only bounds a failure, it is never how a test measures time.
/// Matching ignores terminal control sequences (colors, cursor movement), carriage returns,
/// backspaces and bells, so tests match the text a person would read.
final class PseudoTerminal {
    /// Keys as a terminal sends them.
    enum Key {
        static let enter = "\r"
        static let tab = "\t"
        static let backspace = "\u{7F}"
        static let arrowUp = "\u{1B}[A"
        static let arrowDown = "\u{1B}[B"
        static let interrupt = "\u{03}"
        static let endOfFile = "\u{04}"
    }

    /// How the program ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
        }
    }

    let processID: pid_t
    private let controller: Int32
    private var received: [UInt8] = []
    /// UTF-8 offset in ``transcript`` up to which earlier waits have matched.
    private var matchedUpTo = 0
    private var transcriptCache = ""
    private var cachedByteCount = 0
    private var outputEnded = false
    private var termination: Termination?

    /// Starts `executable` with `arguments` and exactly `environment`, on a terminal of the given size.
    init(
        executable: String, arguments: [String] = [], environment: [String: String],
        columns: UInt16 = 80, rows: UInt16 = 24
    ) throws {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        // Built before forking: the child must not allocate.
        let defaultSignals = [SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD]
        var controller: Int32 = -1
        let processID = forkpty(&controller, nil, nil, &size)
        if processID == 0 {
            // The child of a multi-threaded process may only make async-signal-safe calls before exec.
            // Test threads (dispatch workers) block SIGINT and the runtime ignores SIGPIPE; both would
            // be inherited, and a program at a terminal expects neither.
            sigprocmask(SIG_SETMASK, &noSignals, nil)
            for number in defaultSignals {
                signal(number, SIG_DFL)
            }
            execve(executable, argv, envp)
            _exit(127)
        }
        guard processID > 0 else {
            throw PseudoTerminalError(.spawnFailed(executable: executable, reason: String(cString: strerror(errno))))
        }
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
        _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
        self.processID = processID
        self.controller = controller
    }

    deinit {
        if termination == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        close(controller)
    }

    // MARK: Typing

    /// Types `text` (use ``Key`` for special keys).
    func type(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        var attempts = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
                continue
            }
            guard written < 0, errno == EAGAIN || errno == EINTR, attempts < 1_000 else {
                throw PseudoTerminalError(.writeFailed(reason: String(cString: strerror(errno))))
            }
            // The terminal's input queue is full: let the program read some of it.
            attempts += 1
            readAvailable(waitingUpTo: 10)
        }
    }

    /// Types `line` and presses Enter.
    func typeLine(_ line: String) throws {
        try type(line + Key.enter)
    }

    // MARK: Reading

    /// Everything the program printed so far, without terminal control sequences.
    var transcript: String {
        if cachedByteCount != received.count {
            transcriptCache = TerminalText.readable(received)
            cachedByteCount = received.count
        }
        return transcriptCache
    }

    /// Everything the program printed so far, control sequences and carriage returns included.
    var rawOutput: String { String(decoding: received, as: UTF8.self) }

    /// Waits until `text` appears in the output after the previous match, and returns the output
    /// from the previous match up to and including this one.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let current = transcript
            let start = current.utf8.index(current.startIndex, offsetBy: min(matchedUpTo, current.utf8.count))
            if let range = current[start...].range(of: text) {
                matchedUpTo = current.utf8.distance(from: current.startIndex, to: range.upperBound)
                return String(current[start..<range.upperBound])
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero, !outputEnded else {
                throw PseudoTerminalError(
                    .textNotSeen(text, output: String(current[start...]), programEnded: outputEnded))
            }
            readAvailable(waitingUpTo: min(100, Int32(remaining.components.seconds * 1000) + 1))
        }
    }

    /// Waits for the program to end, reading its remaining output meanwhile.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Termination {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let termination = reap() {
                readAvailable(waitingUpTo: 0)
                return termination
            }
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminalError(.stillRunning(output: transcript))
            }
            // Output keeps the program from blocking on a full terminal; a quiet one is polled.
            if !readAvailable(waitingUpTo: 20) {
                usleep(10_000)
            }
        }
    }

    /// Reads what the program has written; returns whether anything arrived.
    @discardableResult
    private func readAvailable(waitingUpTo milliseconds: Int32) -> Bool {
        guard !outputEnded else { return false }
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        var arrived = false
        while true {
            let count = chunk.withUnsafeMutableBytes { read(controller, $0.baseAddress, $0.count) }
            if count > 0 {
                received.append(contentsOf: chunk[..<count])
                arrived = true
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                // EAGAIN: drained for now. EIO or 0: the program closed the terminal (it ended).
                if count == 0 || errno == EIO {
                    outputEnded = true
                }
                return arrived
            }
        }
    }

    private func reap() -> Termination? {
        if let termination {
            return termination
        }
        var status: Int32 = 0
        guard waitpid(processID, &status, WNOHANG) == processID else { return nil }
        let signal = status & 0x7F
        termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        return termination
    }
}
