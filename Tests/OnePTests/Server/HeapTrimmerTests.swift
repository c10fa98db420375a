import Foundation
import ServiceLifecycle
import Testing

@testable import OnePlatformServer

#if canImport(Glibc)
    import Glibc
#endif

/// `onep serve` gives freed heap back to the system: memory freed inside the heap (where malloc
/// keeps it) leaves the resident set once trimmed, and the trimmer stops with the server.
@Suite(.serialized) struct HeapTrimmerTests {
    #if canImport(Glibc)
        @Test func freedHeapInsideTheHeapLeavesTheResidentSet() throws {
            // On a thread of its own, so the 64 MB free chunk this leaves in its malloc arena is
            // not where the other tests' blocks come from (a large block carved from it stays
            // resident when freed).
            let (before, trimmed, after) = try onOwnThread { () throws -> (Int, Bool?, Int) in
                // 64 MB in blocks below the mmap threshold, written to so they are resident; the last
                // block stays allocated, so the free space below it cannot simply shrink the heap's top.
                let blocks = (0..<16_384).map { _ -> UnsafeMutableRawPointer in
                    let block = malloc(4000)!
                    memset(block, 1, 4000)
                    return block
                }
                defer { free(blocks.last) }
                for block in blocks.dropLast() { free(block) }
                let before = try residentKilobytes()
                let trimmed = HeapTrimmer.trim()
                return (before, trimmed, try residentKilobytes())
            }
            #expect(trimmed == true)
            #expect(before - after > 32 * 1024, "resident \(before) kB before the trim, \(after) kB after")
        }

        private func onOwnThread<T>(_ body: @escaping () throws -> T) throws -> T {
            nonisolated(unsafe) var result: Result<T, any Error>?
            nonisolated(unsafe) let work = body
            let done = DispatchSemaphore(value: 0)
            Thread {
                result = Result { try work() }
                done.signal()
            }.start()
            done.wait()
            return try #require(result).get()
        }

        @Test func aLargeBlockFreedLeavesTheResidentSetAtOnce() throws {
            HeapTrimmer.fixMmapThreshold()
            // The first free of a mapped block would raise glibc's moving threshold above 4 MB, and
            // the second block would then come from the heap and stay there once freed.
            for round in 0..<2 {
                let before = try residentKilobytes()
                let block = try #require(malloc(4 * 1024 * 1024))
                memset(block, 1, 4 * 1024 * 1024)
                free(block)
                let after = try residentKilobytes()
                #expect(after - before < 1024, "round \(round): resident \(before) kB before the block, \(after) kB after it was freed")
            }
        }

        /// The resident set, counted from the mappings page by page (`VmRSS` in `/proc/self/status`
        /// is summed from per-CPU counters and may trail the latest faults).
        private func residentKilobytes() throws -> Int {
            let rollup = try String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8)
            let line = try #require(rollup.split(separator: "\n").first { $0.hasPrefix("Rss:") })
            return try #require(Int(line.dropFirst(4).split(whereSeparator: \.isWhitespace).first ?? ""))
        }
    #endif

    @Test func theTrimmerEndsQuietlyOnGracefulShutdown() async throws {
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: HeapTrimmer(interval: .milliseconds(5)))], logger: PlatformServer.quietLogger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Task.sleep(for: .milliseconds(30))
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
