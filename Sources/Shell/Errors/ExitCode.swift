/// How a command ended, as the process exit status a script sees.
public struct ExitStatus: Sendable, Hashable {
    public let code: Int32

    public static let success = ExitStatus(code: 0)
    /// The command ran and failed: the platform refused it, a resource does not exist, a file is missing.
    public static let commandFailed = ExitStatus(code: 1)
    /// The command was written wrong: unknown word, missing argument, bad value.
    public static let usageError = ExitStatus(code: 2)
    /// The platform could not be reached or rejected the credentials.
    public static let unreachable = ExitStatus(code: 3)
    /// The user pressed Ctrl-C.
    public static let interrupted = ExitStatus(code: 130)
}
