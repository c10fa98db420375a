import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a platform server could not run.
public struct PlatformServerError: Error, Sendable {
    private enum Reason: Sendable {
        case cannotBind(address: String, port: Int, cause: String)
        case unreadableTLSFile(path: String, cause: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The address could not be bound: port in use, address not local, no permission.
    public static func cannotBind(address: String, port: Int, cause: String) -> PlatformServerError {
        PlatformServerError(.cannotBind(address: address, port: port, cause: cause))
    }

    /// A certificate or key file for HTTPS cannot be used.
    public static func unreadableTLSFile(_ path: String, cause: String) -> PlatformServerError {
        PlatformServerError(.unreadableTLSFile(path: path, cause: cause))
    }

    /// Recognises a failure to bind among the errors a server start throws; `nil` for any other error.
    static func binding(_ error: any Error, address: String, port: Int) -> PlatformServerError? {
        guard let error = error as? IOError else { return nil }
        let cause: String
        switch error.errnoCode {
        case EADDRINUSE: cause = "the address is already in use"
        case EADDRNOTAVAIL: cause = "the address is not available on this machine"
        case EACCES: cause = "permission denied"
        default: cause = "\(error)"
        }
        return .cannotBind(address: address, port: port, cause: cause)
    }
}

extension PlatformServerError: CustomStringConvertible {
    public var description: String {
        switch reason {
        case .cannotBind(let address, let port, let cause):
            return "cannot listen on \(address):\(port): \(cause)"
        case .unreadableTLSFile(let path, let cause):
            return "cannot serve HTTPS with \(path): \(cause)"
        }
    }
}
