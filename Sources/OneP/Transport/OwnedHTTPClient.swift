import AsyncHTTPClient
import NIOCore
import Synchronization

/// The HTTP client a transport owns: HTTP/1.1, a connect timeout, no redirects, no decompression,
/// and failing at once when nothing listens instead of retrying until the deadline.
///
/// Reading has no timeout of its own: each request carries a deadline for the whole exchange,
/// which a request the platform holds on purpose (`wait`) extends.
///
/// AsyncHTTPClient traps when a running client is released, so one dropped without
/// ``shutdown()`` closes its connections in the background instead.
final class OwnedHTTPClient: Sendable {
    let client: HTTPClient
    private let isShutDown = Atomic<Bool>(false)

    /// - Parameter trust: the certificate authorities HTTPS trusts instead of the system's.
    init(timeout: Duration, trust: TrustedCertificates? = nil) {
        var configuration = HTTPClient.Configuration()
        if let trust { configuration.tlsConfiguration = trust.clientConfiguration }
        configuration.httpVersion = .http1Only
        configuration.timeout = .init(connect: TimeAmount(timeout), read: nil)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.redirectConfiguration = .disallow
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func shutdown() async throws {
        try await client.shutdown()
        isShutDown.store(true, ordering: .relaxed)
    }

    deinit {
        if !isShutDown.load(ordering: .relaxed) {
            client.shutdown().whenComplete { _ in }
        }
    }
}
