/// Turns Ctrl-C (SIGINT) during a running command into cancellation of that command.
///
/// While an operation runs through ``run(_:)`` — or while the monitor is held with ``hold()`` —
/// SIGINT no longer ends the process: the running operations are cancelled instead. At the prompt
/// the line editor reads Ctrl-C as a key (the terminal does not turn it into a signal while a line
/// is edited), so the two never compete.
///
/// A first Ctrl-C cancels the operation and waits for it to wind down, so its last output
/// appears before the next prompt. A second Ctrl-C stops waiting and abandons the operation,
/// for work that does not notice cancellation.
public final class InterruptMonitor: Sendable {
    /// The monitor of this process; SIGINT has one disposition per process, so there is one monitor.
    public static let shared = InterruptMonitor()

    private let registry = InterruptRegistry()

    private init() {}

    /// Runs `operation` in its own task, cancelling it when SIGINT arrives.
    ///
    /// - Returns: what `operation` returned, when it finished without being interrupted.
    /// - Throws: `CancellationError` when SIGINT arrived (even if the operation completed anyway,
    ///   since the user asked to stop), otherwise whatever `operation` threw.
    public func run<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let run = InterruptibleRun<T>()
        let registration = registry.register { run.interrupt() }
        defer { registry.unregister(registration) }
        let task = Task { try await operation() }
        run.attach(task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                run.await(continuation)
                Task {
                    run.finish(await task.result)
                }
            }
        } onCancel: {
            task.cancel()
        }
    }

    /// Keeps SIGINT from ending the process until a matching ``release()``, also between commands.
    ///
    /// An interactive shell holds the monitor for its whole session, so a Ctrl-C that lands just
    /// before or after a command is dropped instead of closing the shell. Holds nest.
    public func hold() {
        registry.hold()
    }

    /// Undoes one ``hold()``; when nothing holds the monitor any more, SIGINT's previous
    /// disposition comes back.
    public func release() {
        registry.release()
    }

    /// True while SIGINT is being intercepted (by a hold or a running operation).
    public var isIntercepting: Bool {
        registry.isIntercepting
    }
}
