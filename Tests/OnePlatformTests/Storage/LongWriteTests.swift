import Foundation
import OnePJSON
import Testing
import TestSupport

@testable import OnePlatform

/// While a large request's write waits for or holds the writer, a small write goes through the
/// database's queue instead of blocking its caller's thread, and it is answered as before: after
/// the large one, with its point stored.
@Suite("Small writes during a large one", .timeLimit(.minutes(1)))
struct LongWriteTests {
    @Test func aSmallWriteDuringALargeOneWaitsForItAndIsStored() async throws {
        let directory = try TemporaryDirectory()
        let (platform, large, small, batch) = try await platformDuringALargeWrite(directory)
        platform.clock.advance(by: 1)
        try await platform.ok("write", [.string(small), 7])
        // The writer's queue takes transactions in turn, so the large one committed first.
        #expect(try await platform.ok("read", [.string(large), ["limit": 1]]) == [[200_000, 200_000]])
        #expect(try await platform.ok("read", [.string(small), [:]]) == [[.int(TestTime.start + 1), 7]])
        _ = try await batch.value
    }

    /// On one thread, the way an event loop runs its connections: a small write that must wait
    /// for the writer leaves the thread free, so a read sent after it is answered meanwhile.
    @Test func aReadOnTheSameThreadIsAnsweredWhileASmallWriteWaits() async throws {
        let directory = try TemporaryDirectory()
        let (platform, large, small, batch) = try await platformDuringALargeWrite(directory)
        let answeredDuringTheLargeWrite = try await withTaskExecutorPreference(OneThread()) {
            async let write: JSON = platform.ok("write", [.string(small), 7])
            async let read: Bool = {
                _ = try await platform.ok("read", [.string(small), [:]])
                return platform.platform.engine.longWrites.inFlight
            }()
            let (_, duringIt) = try await (write, read)
            return duringIt
        }
        #expect(answeredDuringTheLargeWrite)
        _ = try await batch.value
    }

    /// A platform on `directory` with two integer dataports, the first of which is taking a
    /// recordbatch of 200,000 points that waits for or holds the writer by now.
    private func platformDuringALargeWrite(
        _ directory: TemporaryDirectory
    ) async throws -> (platform: TestPlatform, large: String, small: String, batch: Task<JSON, any Error>) {
        let clock = TestTime.clock()
        let platform = TestPlatform(platform: try Platform.open(directory: directory.path, clock: clock, backgroundWork: .never), clock: clock)
        let large = try await platform.dataport("integer")
        let small = try await platform.dataport("integer")
        return (platform, large, small, try await startLargeWrite(platform, into: large))
    }

    /// Sends a recordbatch of 200,000 points and returns once it waits for or holds the writer.
    private func startLargeWrite(_ platform: TestPlatform, into port: String) async throws -> Task<JSON, any Error> {
        let points = JSON.array((1...200_000).map { [.int($0), .int($0)] })
        let batch = Task { try await platform.ok("recordbatch", [.string(port), points]) }
        // The large request is parsed first, then counted while it waits for the writer and runs.
        for _ in 0..<5_000 {
            if platform.platform.engine.longWrites.inFlight { return batch }
            try await Task.sleep(for: .milliseconds(1))
        }
        Issue.record("the large write was never seen in flight")
        return batch
    }
}

/// A task executor with one thread, which a blocking call holds whole.
private final class OneThread: TaskExecutor {
    private let queue = DispatchQueue(label: "onep.tests.one-thread")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
