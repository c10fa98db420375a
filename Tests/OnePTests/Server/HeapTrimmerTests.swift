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
            #expect(HeapTrimmer.trim() == true)
            let after = try residentKilobytes()
            #expect(before - after > 32 * 1024, "resident \(before) kB before the trim, \(after) kB after")
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

        private func residentKilobytes() throws -> Int {
            let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
            return try #require(Int(line.dropFirst(6).split(whereSeparator: \.isWhitespace).first ?? ""))
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
