import OneP
import OnePlatform

/// Hands provisioning requests to an embedded platform in the same process: the request the
/// HTTP front would build, without a socket. Upload bodies reach the platform chunk by chunk as
/// they are read, and large downloads come back chunk by chunk as the platform reads them.
/// Data Interface paths (`/onep:v1/stack/...`, `/timestamp`) go to the platform's Data Interface,
/// as the HTTP front routes them, so a device's side of the wire works in process too.
public struct InProcessProvisionTransport: ProvisionTransport {
    public let platform: Platform
    public let endpoint: String
    /// What the platform's activation log records as the caller's address.
    public let remoteAddress: String

    public init(platform: Platform, endpoint: String = "local", remoteAddress: String = "local") {
        self.platform = platform
        self.endpoint = endpoint
        self.remoteAddress = remoteAddress
    }

    public func exchange<Result>(_ request: ProvisionOutgoing, receive: (ProvisionIncoming) async throws -> Result) async throws -> Result {
        if request.path.hasPrefix("/onep:v1/stack/") || request.path == "/timestamp" {
            var bytes: [UInt8] = []
            for try await chunk in request.body.chunks { bytes += chunk }
            let response = await platform.processDataInterface(
                DataInterfaceRequest(method: request.method, path: request.path, query: request.query, headers: request.headers, body: bytes))
            return try await receive(
                ProvisionIncoming(
                    status: response.status, reason: ProvisionIncoming.reasonPhrase(for: response.status),
                    headers: response.headers.map { ($0.name, $0.value) }, body: .whole(response.body)))
        }
        var head = ProvisionRequest(
            method: request.method, path: request.path, query: request.query, headers: request.headers, remoteAddress: remoteAddress)
        if request.header("Content-Length") == nil { head.headers.append(("Content-Length", String(request.body.length))) }
        let response = await platform.processProvision(head, bodyChunks: request.body.chunks)
        let body: ProvisionAnswerChunks
        if let stream = response.bodyStream {
            let reader = StreamReader(stream.makeAsyncIterator())
            body = ProvisionAnswerChunks { try await reader.next() }
        } else {
            body = .whole(response.body)
        }
        return try await receive(
            ProvisionIncoming(
                status: response.status, reason: ProvisionIncoming.reasonPhrase(for: response.status), headers: response.headers, body: body))
    }
}

/// Walks a download stream from inside a non-mutating closure.
private final class StreamReader {
    private var iterator: ProvisionBodyStream.Iterator

    init(_ iterator: ProvisionBodyStream.Iterator) {
        self.iterator = iterator
    }

    func next() async throws -> [UInt8]? {
        try await iterator.next()
    }
}
