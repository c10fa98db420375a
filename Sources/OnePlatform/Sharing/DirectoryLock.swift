import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An advisory lock (`flock`) on a file in the data directory.
///
/// `flock` belongs to the open file, not the process: two platforms in one process exclude each
/// other like two processes do, and the kernel lets go when the process exits or dies. Files are
/// opened close-on-exec so a child process never inherits a lock.
///
/// Thread safety: the descriptor held lives in a `Mutex`.
final class DirectoryLock: Sendable {
    let path: String
    // Guards the descriptor while the lock is held.
    private let held = Mutex<Int32?>(nil)

    init(path: String) {
        self.path = path
    }

    var isHeld: Bool {
        held.withLock { $0 != nil }
    }

    /// Takes the lock if no one holds it, and writes `facts` into the file for others to read.
    /// - Returns: true when this object now holds it (also when it already did).
    func tryAcquire(writing facts: ProcessFacts) -> Bool {
        held.withLock { held in
            if held != nil { return true }
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return false }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                return false
            }
            Self.write(facts.line, to: descriptor)
            held = descriptor
            return true
        }
    }

    /// Waits for the lock, for a short piece of work that must not overlap another process's.
    /// - Returns: false when the file cannot be opened or locked (then no one is excluded).
    func acquireWaiting() -> Bool {
        held.withLock { held in
            if held != nil { return true }
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return false }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    return false
                }
            }
            held = descriptor
            return true
        }
    }

    /// Lets go; with `clearing`, empties the file first so no one reads stale facts.
    func release(clearing: Bool = false) {
        held.withLock { held in
            guard let descriptor = held else { return }
            if clearing { _ = ftruncate(descriptor, 0) }
            close(descriptor)
            held = nil
        }
    }

    /// Who holds the lock, asked without taking it for more than a moment.
    /// - Returns: nil when no one holds it; else what the holder wrote (nil facts when unreadable).
    func holder() -> ProcessFacts?? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // A shared lock does not stand in the way of another prober, only of a taker.
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return nil
        }
        return .some(ProcessFacts(line: Self.read(descriptor)))
    }

    /// Writes from the start, then cuts what a longer earlier text left: a reader never meets an
    /// empty file, and reads the first line only.
    private static func write(_ text: String, to descriptor: Int32) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { buffer in pwrite(descriptor, buffer.baseAddress, buffer.count, 0) }
        if written == bytes.count { _ = ftruncate(descriptor, off_t(bytes.count)) }
    }

    private static func read(_ descriptor: Int32) -> String {
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = bytes.withUnsafeMutableBytes { buffer in pread(descriptor, buffer.baseAddress, buffer.count, 0) }
        return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
    }
}
