import NIOCore

/// Runs tasks on the thread of one event loop.
///
/// Hummingbird handles each connection in a task on the global concurrent executor, so every
/// request crosses from the event loop to a pool thread and back, and each crossing wakes a
/// sleeping thread: on a single-call request that costs more than the call. The platform's
/// connections prefer the executor of their own event loop instead (``LimitedHTTP1Channel``), so a
/// small request is read, run and answered on one thread. A request whose work is long leaves the
/// loop for that work (see ``RPCRoutes``).
public final class EventLoopTaskExecutor: TaskExecutor {
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
