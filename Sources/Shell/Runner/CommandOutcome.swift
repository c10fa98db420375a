/// How running one line ended.
public struct CommandOutcome: Sendable, Equatable {
    public let status: ExitStatus
    /// The line asked the shell to end (`exit`), with `status` as the exit code.
    public let exitRequested: Bool

    public init(status: ExitStatus, exitRequested: Bool = false) {
        self.status = status
        self.exitRequested = exitRequested
    }

    public var succeeded: Bool { status == .success }
}
