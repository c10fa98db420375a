import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Gives the heap's free pages back to the system every few seconds while `onep serve` runs.
///
/// glibc's malloc keeps memory freed by a burst of requests (a large body parsed, then dropped)
/// inside its arenas, and returns only the free top of each heap by itself. Under a steady flood
/// of requests on several threads the resident set then creeps up with fragmentation although
/// nothing stays alive; `malloc_trim` releases the free pages wherever they sit. Measured by the
/// `badrequests` benchmark (onep-benchmarks).
///
/// A service of the server's `ServiceGroup`; it ends quietly on graceful shutdown or cancellation.
/// Where there is no `malloc_trim` (not glibc) it only waits.
struct HeapTrimmer: Service {
    let interval: Duration

    init(interval: Duration = .seconds(5)) {
        self.interval = interval
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil {
                _ = Self.trim()
            }
        }
    }

    /// Sets up malloc for a long-running server; call it before the server's threads start
    /// allocating. See ``fixMmapThreshold(at:)`` and ``limitArenas(to:)``.
    static func configureAllocator() {
        fixMmapThreshold()
        limitArenas()
    }

    /// Serves every block of `bytes` or more from its own mapping, returned to the system when freed.
    ///
    /// glibc raises its mmap threshold to the size of each mapped block freed (up to 32 MB), so after
    /// the first large request body every later one, and the arrays parsed from it, came from the
    /// arenas; small blocks that outlived them then held those pages, and under a flood of bad
    /// requests the resident set crept up by ~2-3 MB per 100,000 requests (the `badrequests`
    /// benchmark, 500,000 requests: 61 → 74 MB with the moving threshold, 61 → 67 MB fixed at
    /// 128 KB). Setting the threshold turns the moving one off.
    static func fixMmapThreshold(at bytes: Int32 = 128 * 1024) {
        // M_MMAP_THRESHOLD from <malloc.h>.
        setMallocOption(-3, bytes)
    }

    /// Lets malloc keep at most `count` arenas (glibc makes up to eight per core, one for each
    /// thread that meets another in an arena): every arena keeps the free space of its busiest
    /// moment, so fewer arenas keep less. Over 1,000,000 bad requests (same seed, fixed mmap
    /// threshold) the resident set after warm-up ranged 66-77 MB with two arenas and 64-82 MB with
    /// glibc's, at the same throughput (~3,900 requests/s over 150,000 requests either way).
    static func limitArenas(to count: Int32 = 2) {
        // M_ARENA_MAX from <malloc.h>.
        setMallocOption(-8, count)
    }

    /// glibc's `mallopt`, looked up at run time like `malloc_trim`; does nothing elsewhere.
    private static func setMallocOption(_ option: Int32, _ value: Int32) {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)(option, value)
        #endif
    }

    /// Returns free heap pages to the system at once; answers whether any were released, or nil
    /// where the C library has no `malloc_trim`.
    static func trim() -> Bool? {
        guard let release = mallocTrim else { return nil }
        return release(0) != 0
    }

    /// glibc's `malloc_trim(pad)`, looked up at run time: Swift's Glibc module does not export
    /// <malloc.h>, and other C libraries do not have it.
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()
}
