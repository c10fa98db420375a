import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Sends provisioning requests over HTTP with AsyncHTTPClient: file bodies stream out as they
/// are read, answers stream in as they arrive.
///
/// Call ``shutdown()`` when done; one released without it closes its connections in the background.
public final class HTTPProvisionTransport: ProvisionTransport {
    /// The platform's base URL, e.g. `http://127.0.0.1:8080`.
    public let url: String
    /// How long one exchange may take; ``changeTimeout(to:)`` changes it.
    public var timeout: Duration { currentTimeout.withLock { $0 } }
    private let currentTimeout: Mutex<Duration>
    private let owned: OwnedHTTPClient

    public var endpoint: String { url }

    /// - Parameter trust: the certificate authorities HTTPS trusts instead of the system's (a private CA).
    public init(url: String, timeout: Duration = .seconds(60), trust: TrustedCertificates? = nil) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        currentTimeout = Mutex(timeout)
        owned = OwnedHTTPClient(timeout: timeout, trust: trust)
    }

    /// Gives the exchanges started from now on this long (`set timeout`).
    public func changeTimeout(to timeout: Duration) {
        currentTimeout.withLock { $0 = timeout }
    }

    public func shutdown() async throws {
        try await owned.shutdown()
    }

    public func exchange<Result>(_ request: ProvisionOutgoing, receive: (ProvisionIncoming) async throws -> Result) async throws -> Result {
        let response: HTTPClientResponse
        do {
            response = try await owned.client.execute(makeRequest(request), timeout: TimeAmount(timeout))
        } catch let error as ProvisionError {
            // A file that could not be read while it was sent.
            throw error
        } catch {
            throw transportError(error)
        }
        let reader = BodyReader(response.body.makeAsyncIterator())
        let incoming = ProvisionIncoming(
            status: Int(response.status.code), reason: response.status.reasonPhrase, headers: response.headers.map { ($0.name, $0.value) },
            body: ProvisionAnswerChunks { [self] in
                do {
                    return try await reader.next()
                } catch let error as OnePError {
                    throw error
                } catch {
                    throw transportError(error)
                }
            })
        return try await receive(incoming)
    }

    private func makeRequest(_ outgoing: ProvisionOutgoing) -> HTTPClientRequest {
        let query = outgoing.query.isEmpty ? "" : "?" + outgoing.query
        var request = HTTPClientRequest(url: url + outgoing.path + query)
        request.method = HTTPMethod(rawValue: outgoing.method)
        request.headers.add(name: "User-Agent", value: "onep/\(version)")
        for (name, value) in outgoing.headers { request.headers.add(name: name, value: value) }
        switch outgoing.body.source {
        case .bytes(let bytes):
            if !bytes.isEmpty || outgoing.header("Content-Type") != nil { request.body = .bytes(bytes) }
        case .file(let file):
            request.body = .stream(file, length: .known(Int64(file.size)))
        }
        return request
    }

    private func transportError(_ error: any Error) -> OnePError {
        if let error = error as? OnePError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return .timedOut(endpoint: url, after: timeout)
            case .remoteConnectionClosed, .cancelled:
                return .connectionClosed(endpoint: url)
            default:
                return .unreachable(endpoint: url, cause: "\(error)")
            }
        }
        if let cause = TLSFailure.cause(of: error) { return .tls(endpoint: url, cause: cause) }
        return .unreachable(endpoint: url, cause: "\(error)")
    }
}

/// Walks an answer's body buffers as byte arrays.
private final class BodyReader {
    private var iterator: HTTPClientResponse.Body.AsyncIterator

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) {
        self.iterator = iterator
    }

    func next() async throws -> [UInt8]? {
        try await iterator.next().map { Array($0.readableBytesView) }
    }
}
