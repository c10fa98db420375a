// The operating-system calls the line editor needs, kept in one place so the rest of the module
// reads as plain Swift and a port to another operating system touches only this file and the C
// shim (Sources/CEditLine/shim.h).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

import CEditLine

/// True when `fileDescriptor` refers to a terminal.
public func isTerminal(_ fileDescriptor: Int32) -> Bool {
    isatty(fileDescriptor) == 1
}

/// The width of the terminal, for laying out completion lists and tables.
public enum TerminalSize {
    /// Columns used when neither the terminal nor `COLUMNS` gives a width.
    public static let fallbackColumns = 80

    /// Columns of the terminal behind `fileDescriptor`; else `COLUMNS` from the environment; else 80.
    public static func columns(fileDescriptor: Int32 = STDOUT_FILENO) -> Int {
        let reported = Int(onep_terminal_columns(fileDescriptor))
        if reported > 0 {
            return reported
        }
        if let text = SystemCalls.environment("COLUMNS"), let columns = Int(text), columns > 0 {
            return columns
        }
        return fallbackColumns
    }
}

/// Calls into the C library: environment, reads and writes, signals, the terminal, files.
enum SystemCalls {
    static let standardInput: Int32 = STDIN_FILENO
    static let standardOutput: Int32 = STDOUT_FILENO
    static let standardError: Int32 = STDERR_FILENO

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// Reads what is available (at most `buffer.count` bytes); 0 at end of input, nil on a read error.
    static func readAvailable(_ fileDescriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        while true {
            let count = read(fileDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                return count
            }
            if errno != EINTR {
                return nil
            }
        }
    }

    /// Best effort: a warning that cannot be written has nowhere else to go.
    static func writeStandardError(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                write(STDERR_FILENO, buffer.baseAddress, buffer.count)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    static func lastErrorDescription() -> String {
        String(cString: strerror(errno))
    }
}

// MARK: Signals

/// A signal disposition saved when installing a handler, to put back afterwards.
struct SavedSignalAction {
    fileprivate var action: sigaction
}

/// Write end of the pipe the SIGINT handler reports to. Set once, before the handler is first
/// installed, and never changed; the handler only reads it, which is why no lock guards it
/// (a lock cannot be taken inside a signal handler).
nonisolated(unsafe) private var interruptPipeWriteEnd: Int32 = -1

/// Runs inside the signal handler, so it may only make async-signal-safe calls: one `write`,
/// with `errno` put back for the code the signal interrupted.
private let reportInterrupt: @convention(c) (Int32) -> Void = { _ in
    let savedErrno = errno
    var byte: UInt8 = 1
    _ = write(interruptPipeWriteEnd, &byte, 1)
    errno = savedErrno
}

extension SystemCalls {
    /// Creates the pipe SIGINT is reported through; returns its non-blocking read end.
    /// Call once, before ``installInterruptHandler()``.
    static func makeInterruptPipe() -> Int32? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        interruptPipeWriteEnd = ends[1]
        return ends[0]
    }

    /// Reports SIGINT through the interrupt pipe instead of ending the process; returns what to restore.
    /// `SA_RESTART` keeps the interrupted system calls of running commands from failing with EINTR.
    static func installInterruptHandler() -> SavedSignalAction {
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = reportInterrupt
        #else
            action.__sigaction_u.__sa_handler = reportInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        return SavedSignalAction(action: previous)
    }

    static func restoreInterruptHandler(_ saved: SavedSignalAction) {
        var action = saved.action
        sigaction(SIGINT, &action, nil)
    }

    /// Reads everything waiting in a non-blocking descriptor; returns how many bytes there were.
    static func drain(_ fileDescriptor: Int32) -> Int {
        var total = 0
        var chunk = [UInt8](repeating: 0, count: 64)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                total += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return total
            }
        }
    }
}

// MARK: Files

extension SystemCalls {
    /// Appends to the file at `path`, creating it readable and writable by the owner only (an
    /// existing file is narrowed to that too, as it may hold what the user typed).
    /// `contents` is told whether the file was empty. Returns why it failed, or nil.
    static func append(to path: String, _ contents: (_ fileWasEmpty: Bool) -> String) -> String? {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(0o600))
        guard descriptor >= 0 else { return lastErrorDescription() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, fchmod(descriptor, mode_t(0o600)) == 0 else {
            return lastErrorDescription()
        }
        let bytes = Array(contents(status.st_size == 0).utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if !(written < 0 && errno == EINTR) {
                return lastErrorDescription()
            }
        }
        return nil
    }

    /// Takes the terminal on `fileDescriptor` out of line mode (no line buffering, no echo, no
    /// signal keys) if it is in it, leaving output settings alone.
    ///
    /// libedit prints its prompt before it switches the terminal to key-by-key reading; a key typed
    /// in between would be echoed by the terminal and then again by libedit, and Ctrl-C or Ctrl-D
    /// would act as a signal or end of file. Switching first closes that gap, and libedit keeps the
    /// line-mode settings it saved, since it only takes settings from a terminal in line mode.
    static func leaveLineMode(_ fileDescriptor: Int32) {
        var settings = termios()
        guard tcgetattr(fileDescriptor, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 else { return }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ECHONL | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &settings.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        _ = tcsetattr(fileDescriptor, TCSANOW, &settings)
    }

    /// Size in bytes of the file at `path`, or nil when there is none (or it cannot be examined).
    static func fileSize(_ path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }
}
