import OnePJSON

/// Who runs datarule timers and scripts on a data directory: what the process that holds the
/// directory's lock wrote about itself.
public struct ProcessFacts: Sendable, Equatable, CustomStringConvertible {
    /// Its process id.
    public let pid: Int32
    /// What it is, in the words it was opened with (`onep serve`, `onep`).
    public let command: String
    /// When it took over, in Unix seconds.
    public let since: Int

    public init(pid: Int32, command: String, since: Int) {
        self.pid = pid
        self.command = command
        self.since = since
    }

    /// `onep serve (pid 1234)`.
    public var description: String { "\(command) (pid \(pid))" }

    /// One line of JSON, as kept in the lock file.
    var line: String {
        JSON.object(["pid": .int(Int(pid)), "command": .string(command), "since": .int(since)]).serialized() + "\n"
    }

    /// The facts in the first line of `text`; nil when it holds none (a file being rewritten).
    init?(line text: String) {
        guard let first = text.split(separator: "\n", omittingEmptySubsequences: false).first,
            let json = try? JSON(parsing: String(first)),
            let pid = json["pid"]?.intValue.flatMap(Int32.init(exactly:)),
            let command = json["command"]?.stringValue, let since = json["since"]?.intValue
        else { return nil }
        self.init(pid: pid, command: command, since: since)
    }
}

/// Which process runs datarule timers and scripts on a platform's data directory.
public enum BackgroundWorkOwner: Sendable, Equatable {
    /// This process: a platform in memory, or the one holding the directory's lock.
    case thisProcess
    /// Another process holds the lock; nil facts when it has not written them (yet).
    case otherProcess(ProcessFacts?)
    /// No process does: they run when one that may (see ``BackgroundWorkPolicy``) opens it.
    case nobody
}

/// Whether a platform opened on a directory takes its turn at running datarule timers and
/// scripts (exactly one process on a directory does, see ``Platform/backgroundWorkOwner``).
public struct BackgroundWorkPolicy: Sendable {
    /// The words this process is known by in the lock file, or nil when it never runs them.
    let command: String?

    /// Runs them whenever no other process on the directory does: at once, or when the process
    /// that does exits or dies. `command` is how other processes name this one (`onep serve`).
    public static func whenFree(as command: String) -> BackgroundWorkPolicy {
        BackgroundWorkPolicy(command: command)
    }

    /// Never runs them (a one-shot command, which would start every script from the top and then
    /// stop it).
    public static let never = BackgroundWorkPolicy(command: nil)
}
