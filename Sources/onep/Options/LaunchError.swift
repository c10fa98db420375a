/// Something wrong before any shell command runs: the outer flags, a script file, the platform.
///
/// Each case knows its exit status; ``description`` is the one line onep prints for it.
struct LaunchError: Error, CustomStringConvertible {
    private enum Kind {
        case usage(String)
        case unreadableFile(path: String, reason: String)
        case platformUnavailable(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// The outer flags or arguments are wrong.
    static func usage(_ message: String) -> LaunchError {
        LaunchError(.usage(message))
    }

    /// A `-f` file could not be read.
    static func unreadableFile(_ path: String, reason: String) -> LaunchError {
        LaunchError(.unreadableFile(path: path, reason: reason))
    }

    /// The embedded platform could not be opened.
    static func platformUnavailable(_ reason: String) -> LaunchError {
        LaunchError(.platformUnavailable(reason))
    }

    /// The process exit status for this error: 2 for usage, 1 for a file, 3 for the platform.
    var exitCode: Int32 {
        switch kind {
        case .usage: 2
        case .unreadableFile: 1
        case .platformUnavailable: 3
        }
    }

    var description: String {
        switch kind {
        case .usage(let message): message
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .platformUnavailable(let reason): reason
        }
    }
}
