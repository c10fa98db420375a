/// Why a platform could not be opened.
public struct PlatformError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case directoryUnavailable(path: String, reason: String)
        case databaseUnavailable(path: String, reason: String)
        case bootstrapMissing
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static func directoryUnavailable(_ path: String, reason: String) -> PlatformError {
        PlatformError(.directoryUnavailable(path: path, reason: reason))
    }

    static func databaseUnavailable(_ path: String, reason: String) -> PlatformError {
        PlatformError(.databaseUnavailable(path: path, reason: reason))
    }

    static let bootstrapMissing = PlatformError(.bootstrapMissing)

    /// One line saying what failed.
    public var description: String {
        switch kind {
        case .directoryUnavailable(let path, let reason):
            return "cannot use platform directory \(path): \(reason)"
        case .databaseUnavailable(let path, let reason):
            return "cannot open platform database \(path): \(reason)"
        case .bootstrapMissing:
            return "platform database has resources but no root client record"
        }
    }
}
