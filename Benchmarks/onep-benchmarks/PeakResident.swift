import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// How far the resident set of this process rose above where it stood at `start()`. Memory the
/// allocator kept from earlier work is handed back first (glibc's malloc_trim), else reusing it
/// would hide growth; the kernel's high-water mark is reset (Linux `clear_refs`) so earlier peaks do
/// not count, and a thread samples the resident set every millisecond because the kernel updates
/// that mark lazily.
final class PeakResident: Sendable {
    private let baseline: Int
    private let highest = Atomic<Int>(0)
    private let anonymousBaseline: Int
    private let highestAnonymous = Atomic<Int>(0)
    private let running = Atomic<Bool>(true)

    private init(baseline: Int, anonymousBaseline: Int) {
        self.baseline = baseline
        self.anonymousBaseline = anonymousBaseline
    }

    static func start() -> PeakResident {
        trimAllocator()
        resetHighWaterMark()
        let resident = PeakResident(baseline: field("VmRSS"), anonymousBaseline: anonymousKilobytes())
        let thread = Thread { [resident] in
            while resident.running.load(ordering: .relaxed) {
                _ = resident.highest.max(ResidentSampler.residentKilobytes(), ordering: .relaxed)
                _ = resident.highestAnonymous.max(anonymousKilobytes(), ordering: .relaxed)
                usleep(1000)
            }
        }
        thread.start()
        return resident
    }

    /// Stops sampling and answers the growth in kilobytes.
    func stop() -> Int {
        running.store(false, ordering: .relaxed)
        let peak = max(highest.load(ordering: .relaxed), Self.field("VmHWM"))
        return max(0, peak - baseline)
    }

    /// How far the anonymous part of the resident set (the heap and stacks, not the pages of the
    /// program and its libraries mapped in from files) rose above where it stood at `start()`,
    /// in kilobytes; read after ``stop()``.
    var anonymousGrowth: Int {
        max(0, highestAnonymous.load(ordering: .relaxed) - anonymousBaseline)
    }

    /// The resident set less its file-backed and shared pages, from `/proc/self/statm`.
    private static func anonymousKilobytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 2, let resident = Int(fields[1]), let shared = Int(fields[2]) else { return 0 }
        return (resident - shared) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
    }

    /// The resident set now, split as /proc names it: anonymous memory (the heap), file pages
    /// mapped in, shared memory (SQLite's WAL index), in kilobytes.
    static func parts() -> (anonymous: Int, file: Int, shared: Int) {
        (field("RssAnon"), field("RssFile"), field("RssShmem"))
    }

    /// Hands the allocator's free pages back to the system, so what stays resident is what is in use.
    static func trim() {
        trimAllocator()
    }

    /// glibc's malloc_trim, looked up at run time because the Glibc module does not declare it.
    private static func trimAllocator() {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    private static func resetHighWaterMark() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }

    /// A `kB` field of /proc/self/status; 0 where there is none.
    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            return Int(line.dropFirst(name.count + 1).split(whereSeparator: \.isWhitespace).first ?? "") ?? 0
        }
        return 0
    }
}
