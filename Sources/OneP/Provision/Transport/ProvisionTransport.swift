/// Carries provisioning requests (`/provision/...`) to a platform and hands back each answer's
/// head and body as it arrives.
///
/// ``HTTPProvisionTransport`` sends them over HTTP; an in-process transport hands them to an
/// embedded platform. Bodies go both ways in chunks, so a large upload or download never has to
/// sit in memory whole.
public protocol ProvisionTransport: Sendable {
    /// What the transport reaches, for messages (a URL, or a description of the local platform).
    var endpoint: String { get }

    /// Sends `request` and gives the answer to `receive`, whose result is returned.
    ///
    /// - Throws: ``OnePError`` of a transport kind when the platform cannot be reached, or what
    ///   `receive` throws, unchanged.
    func exchange<Result>(_ request: ProvisionOutgoing, receive: (ProvisionIncoming) async throws -> Result) async throws -> Result
}

/// One provisioning request as a transport sends it.
public struct ProvisionOutgoing: Sendable {
    /// `GET`, `POST`, `PUT` or `DELETE`.
    public var method: String
    /// The path with its segments percent-encoded, e.g. `/provision/manage/model/m1`.
    public var path: String
    /// The percent-encoded query without `?`; empty when there is none.
    public var query: String
    /// The headers, the content type and credentials included.
    public var headers: [(String, String)]
    public var body: ProvisionRequestBody

    public init(method: String, path: String, query: String = "", headers: [(String, String)] = [], body: ProvisionRequestBody = .empty) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }
}

/// The head of an answer as a transport received it; its body follows chunk by chunk.
public struct ProvisionIncoming {
    public let status: Int
    /// The reason phrase, e.g. `Reset Content`.
    public let reason: String
    public let headers: [(String, String)]
    public let body: ProvisionAnswerChunks

    public init(status: Int, reason: String, headers: [(String, String)], body: ProvisionAnswerChunks) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The standard reason phrase of a status, for transports that have no HTTP head to take it from.
    public static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 205: return "Reset Content"
        case 206: return "Partial Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 412: return "Precondition Failed"
        case 413: return "Payload Too Large"
        case 415: return "Unsupported Media Type"
        case 416: return "Range Not Satisfiable"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return ""
        }
    }
}

/// The body of an answer, read one chunk at a time.
public struct ProvisionAnswerChunks {
    private let nextChunk: () async throws -> [UInt8]?

    /// - Parameter next: the next chunk, or nil after the last one.
    public init(next: @escaping () async throws -> [UInt8]?) {
        nextChunk = next
    }

    /// A body already in memory.
    public static func whole(_ bytes: [UInt8]) -> ProvisionAnswerChunks {
        let pending = PendingBytes(bytes)
        return ProvisionAnswerChunks { pending.take() }
    }

    public func next() async throws -> [UInt8]? {
        try await nextChunk()
    }

    /// Every remaining byte.
    /// - Throws: ``OnePError`` when there are more than `limit`.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try await next() {
            bytes += chunk
            guard bytes.count <= limit else { throw OnePError.malformedAnswer("the answer is larger than \(limit) bytes") }
        }
        return bytes
    }
}

/// Bytes handed out once.
private final class PendingBytes {
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes.isEmpty ? nil : bytes
    }

    func take() -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}
