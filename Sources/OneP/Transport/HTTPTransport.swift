import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Talks JSON-RPC to a platform over HTTP or HTTPS with AsyncHTTPClient, keeping connections alive.
///
/// The platform closes a connection after its 100th request; the next request then opens a new one.
/// If a request meets a kept-alive connection the server has just closed, it is sent once more.
///
/// Call ``shutdown()`` when done; a transport released without it closes its connections in the background.
public final class HTTPTransport: Transport {
    /// The endpoint as given, e.g. `http://127.0.0.1:8080`.
    public let url: String
    /// How long one request may take, connecting included; ``changeTimeout(to:)`` changes it.
    public var timeout: Duration { currentTimeout.withLock { $0 } }
    private let currentTimeout: Mutex<Duration>
    /// The largest answer body accepted; bigger ones fail as malformed answers.
    public let maximumAnswerSize: Int

    private let processURL: String
    private let owned: OwnedHTTPClient
    private var client: HTTPClient { owned.client }
    private let debugLog: (@Sendable (String) -> Void)?
    private let curl: CurlFormatter

    /// - Parameters:
    ///   - url: `http://host[:port]` or `https://host[:port]`; the RPC path is added.
    ///   - timeout: how long one request may take, connecting included.
    ///   - debugLog: receives each request as a `curl` command line before it is sent.
    ///   - revealSecrets: show CIKs and tokens in the `curl` lines instead of masking them.
    ///   - trust: the certificate authorities HTTPS trusts instead of the system's (a private CA).
    public init(
        url: String,
        timeout: Duration = .seconds(30),
        debugLog: (@Sendable (String) -> Void)? = nil,
        revealSecrets: Bool = false,
        maximumAnswerSize: Int = 256 * 1024 * 1024,
        trust: TrustedCertificates? = nil
    ) {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.url = base
        self.currentTimeout = Mutex(timeout)
        self.maximumAnswerSize = maximumAnswerSize
        self.processURL = base + Self.processPath
        self.debugLog = debugLog
        self.curl = CurlFormatter(url: base + Self.processPath, headers: Self.headers, revealSecrets: revealSecrets)
        self.owned = OwnedHTTPClient(timeout: timeout, trust: trust)
    }

    static let processPath = "/onep:v1/rpc/process"
    static let headers: [(String, String)] = [
        ("Content-Type", "application/json; charset=utf-8"),
        ("User-Agent", "onep/\(version)"),
    ]

    /// Gives the requests sent from now on this long before they fail as timed out (`set timeout`).
    public func changeTimeout(to timeout: Duration) {
        currentTimeout.withLock { $0 = timeout }
    }

    /// - Throws: ``OnePError`` of a transport kind, or `CancellationError` when the task was
    ///   cancelled (the request is abandoned).
    public func send(_ body: [UInt8]) async throws -> [UInt8] {
        try await send(body, answerHeldUpTo: .zero)
    }

    /// The timeout runs for `hold` longer than usual, so a `wait` the platform ends with `expire`
    /// is not cut short by the transport first.
    public func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8] {
        if let debugLog { debugLog(curl.command(body: body)) }
        let limit = timeout + max(hold, .zero)
        do {
            return try await exchange(body, timeout: limit)
        } catch let error as HTTPClientError where error == .remoteConnectionClosed && !Task.isCancelled {
            // The server closed a kept-alive connection as the request went out; a fresh one gets it through.
            do {
                return try await exchange(body, timeout: limit)
            } catch {
                throw failure(error)
            }
        } catch {
            throw failure(error)
        }
    }

    private func failure(_ error: any Error) -> any Error {
        Task.isCancelled ? CancellationError() : transportError(error)
    }

    /// Closes the connections. The transport cannot send afterwards.
    public func shutdown() async throws {
        try await owned.shutdown()
    }

    private func exchange(_ body: [UInt8], timeout: Duration) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: processURL)
        request.method = .POST
        for (name, value) in Self.headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(body)
        let response = try await client.execute(request, timeout: TimeAmount(timeout))
        let answer: ByteBuffer
        do {
            answer = try await response.body.collect(upTo: maximumAnswerSize)
        } catch is NIOTooManyBytesError {
            throw OnePError.malformedAnswer("the answer is larger than \(maximumAnswerSize) bytes")
        }
        guard response.status == .ok else {
            // A One Platform answers its RPC path 200 whatever the calls say; a web server that
            // does not know the path is another server altogether.
            if [301, 302, 303, 307, 308, 404, 405].contains(response.status.code) {
                throw OnePError.unreachable(
                    endpoint: url,
                    cause:
                        "it answered HTTP \(response.status.code) \(response.status.reasonPhrase) for the RPC path: unreachable or not a One Platform"
                )
            }
            throw OnePError.malformedAnswer("HTTP status \(response.status.code) \(response.status.reasonPhrase)")
        }
        return Array(answer.readableBytesView)
    }
}
