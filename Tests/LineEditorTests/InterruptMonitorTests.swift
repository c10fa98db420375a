import Foundation
import Testing

import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// These tests send SIGINT to the test process itself, so they must not overlap each other.
@Suite("Ctrl-C while a command runs", .serialized)
struct InterruptMonitorTests {
    private let monitor = InterruptMonitor.shared

    @Test func anUninterruptedOperationReturnsItsValue() async throws {
        #expect(try await monitor.run { 42 } == 42)
        #expect(!monitor.isIntercepting)
    }

    @Test func anOperationsErrorComesThrough() async throws {
        await #expect(throws: ProbeError.self) {
            try await monitor.run { () async throws -> Int in throw ProbeError() }
        }
    }

    @Test func sigintCancelsTheRunningOperation() async throws {
        let probe = OperationProbe()
        let run = Task {
            try await monitor.run {
                try await probe.runUntilCancelled()
            }
        }
        await probe.waitUntilStarted()
        #expect(monitor.isIntercepting)
        pressCtrlC()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(probe.sawCancellation)
        #expect(!monitor.isIntercepting)
    }

    @Test func aSecondSigintAbandonsAnOperationThatIgnoresCancellation() async throws {
        let probe = OperationProbe()
        let run = Task {
            try await monitor.run {
                await probe.runIgnoringCancellation()
            }
        }
        await probe.waitUntilStarted()
        pressCtrlC()
        await probe.waitUntilCancelled()
        #expect(!probe.hasFinished)
        pressCtrlC()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(!probe.hasFinished)
        probe.letFinish()
    }

    @Test func cancellingTheCallerCancelsTheOperation() async throws {
        let probe = OperationProbe()
        let run = Task {
            try await monitor.run {
                try await probe.runUntilCancelled()
            }
        }
        await probe.waitUntilStarted()
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
        #expect(probe.sawCancellation)
    }

    @Test func aSigintWhileHeldIsDroppedAndDoesNotCancelTheNextCommand() async throws {
        monitor.hold()
        #expect(monitor.isIntercepting)
        pressCtrlC()
        #expect(try await monitor.run { "done" } == "done")
        #expect(monitor.isIntercepting)
        monitor.release()
        #expect(!monitor.isIntercepting)
    }

    @Test func holdsNest() {
        monitor.hold()
        monitor.hold()
        monitor.release()
        #expect(monitor.isIntercepting)
        monitor.release()
        #expect(!monitor.isIntercepting)
        monitor.release()
        #expect(!monitor.isIntercepting)
    }
}

private struct ProbeError: Error {}

/// Delivers SIGINT to this thread before returning, as the terminal would deliver a Ctrl-C.
///
/// Test code runs on worker threads that block SIGINT, so a plain `kill` would leave the signal
/// pending until some other thread takes it, possibly after the test has moved on.
private func pressCtrlC() {
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &interrupt, &previous)
    raise(SIGINT)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
}

/// Stands in for a command: reports when it starts, when it sees cancellation, and when it ends.
private final class OperationProbe: @unchecked Sendable {
    /// Guards `cancelled`, `finished` and `release`.
    private let lock = NSLock()
    private var cancelled = false
    private var finished = false
    private var release: CheckedContinuation<Void, Never>?
    private let started = AsyncStream<Void>.makeStream()
    private let cancellations = AsyncStream<Void>.makeStream()

    var sawCancellation: Bool { lock.withLock { cancelled } }
    var hasFinished: Bool { lock.withLock { finished } }

    func waitUntilStarted() async {
        for await _ in started.stream { return }
    }

    func waitUntilCancelled() async {
        for await _ in cancellations.stream { return }
    }

    /// Waits for cancellation the way a request in flight does, then throws.
    func runUntilCancelled() async throws -> Int {
        let (never, continuation) = AsyncStream<Void>.makeStream()
        started.continuation.yield()
        for await _ in never {}
        continuation.finish()
        lock.withLock { cancelled = Task.isCancelled }
        throw CancellationError()
    }

    /// Notes cancellation but keeps going until ``letFinish()``, like work stuck in a system call.
    func runIgnoringCancellation() async -> Int {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                lock.withLock { release = continuation }
                started.continuation.yield()
            }
        } onCancel: {
            lock.withLock { cancelled = true }
            cancellations.continuation.yield()
        }
        lock.withLock { finished = true }
        return 0
    }

    func letFinish() {
        let continuation = lock.withLock {
            defer { release = nil }
            return release
        }
        continuation?.resume()
    }
}
