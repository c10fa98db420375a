import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension HTTPTransport {
    /// Sorts whatever the HTTP stack threw into the transport kinds of ``OnePError``.
    func transportError(_ error: any Error) -> OnePError {
        if let error = error as? OnePError { return error }
        if let error = error as? HTTPClientError { return clientError(error) }
        if let error = error as? NIOConnectionError {
            let causes = error.connectionErrors.map { "\($0.error)" }
            let dns = [error.dnsAError, error.dnsAAAAError].compactMap { $0 }.map { "\($0)" }
            return .unreachable(endpoint: url, cause: (causes + dns).first ?? "no address for the host")
        }
        if let error = error as? IOError {
            if [ECONNRESET, EPIPE].contains(error.errnoCode) { return .connectionClosed(endpoint: url) }
            return .unreachable(endpoint: url, cause: "\(error)")
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .timedOut(endpoint: url, after: timeout)
            case .ioOnClosedChannel, .eof, .alreadyClosed, .outputClosed, .inputClosed: return .connectionClosed(endpoint: url)
            default: return .unreachable(endpoint: url, cause: "\(error)")
            }
        }
        if let cause = TLSFailure.cause(of: error, endpoint: url) {
            return .tls(endpoint: url, cause: cause)
        }
        return .unreachable(endpoint: url, cause: "\(error)")
    }

    private func clientError(_ error: HTTPClientError) -> OnePError {
        switch error {
        case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
            return .timedOut(endpoint: url, after: timeout)
        case .remoteConnectionClosed, .cancelled:
            return .connectionClosed(endpoint: url)
        case .tlsHandshakeTimeout:
            return .tls(endpoint: url, cause: "the TLS handshake timed out")
        case .invalidURL, .emptyHost, .emptyScheme:
            return .unreachable(endpoint: url, cause: "not a valid URL")
        default:
            return .unreachable(endpoint: url, cause: "\(error)")
        }
    }
}
