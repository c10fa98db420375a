/// Talks to the provisioning API (`/provision/...`) of a platform: vendor registration and
/// tokens, models, serial numbers, content, groups and shares, and the device side (activate,
/// download).
///
/// Requests go through a ``ProvisionTransport``: over HTTP when made with a URL, or any other
/// transport (an embedded platform in the same process) when made with one.
///
/// Every call answers a ``ProvisionAnswer``. Made with `throwsOnError`, a call whose status is 400
/// or above throws ``ProvisionError`` instead. Transport failures always throw ``OnePError``.
/// Call ``shutdown()`` when done.
public final class ProvisionClient: Sendable {
    /// The endpoint, e.g. `http://127.0.0.1:8080`.
    public let url: String
    /// The vendor credentials sent with management calls.
    public let auth: VendorAuth?
    public let throwsOnError: Bool
    public let timeout: Duration
    public let transport: any ProvisionTransport

    /// The HTTP transport this client made for itself and must shut down; nil for a given transport.
    private let owned: HTTPProvisionTransport?

    /// Answers larger than this are refused unless they go to a file.
    static let maximumAnswerSize = 64 * 1024 * 1024

    /// A client over HTTP with a transport of its own.
    public init(url: String, auth: VendorAuth? = nil, throwsOnError: Bool = false, timeout: Duration = .seconds(60)) {
        let http = HTTPProvisionTransport(url: url, timeout: timeout)
        self.url = http.url
        self.auth = auth
        self.throwsOnError = throwsOnError
        self.timeout = timeout
        transport = http
        owned = http
    }

    /// A client sending through `transport`, which stays the caller's to close.
    public init(transport: any ProvisionTransport, auth: VendorAuth? = nil, throwsOnError: Bool = false) {
        url = transport.endpoint
        self.auth = auth
        self.throwsOnError = throwsOnError
        timeout = .seconds(60)
        self.transport = transport
        owned = nil
    }

    /// A client for the same platform acting with other credentials; shut it down separately.
    public func with(auth: VendorAuth?) -> ProvisionClient {
        guard owned != nil else { return ProvisionClient(transport: transport, auth: auth, throwsOnError: throwsOnError) }
        return ProvisionClient(url: url, auth: auth, throwsOnError: throwsOnError, timeout: timeout)
    }

    /// Closes the transport the client made for itself; a given transport is left open.
    public func shutdown() async throws {
        try await owned?.shutdown()
    }

    // MARK: Sending

    /// One request with a body held in memory.
    ///
    /// - Parameters:
    ///   - form: fields sent as an `application/x-www-form-urlencoded` body.
    ///   - auth: credentials for this call; the client's own when nil.
    public func send(
        _ method: String, _ path: String, query: [(String, String)] = [], form: [(String, String)]? = nil,
        body: [UInt8]? = nil, contentType: String? = nil, headers extra: [(String, String)] = [], auth: VendorAuth? = nil
    ) async throws -> ProvisionAnswer {
        try await perform(method, path, query: query, form: form, body: body, contentType: contentType, headers: extra, auth: auth ?? self.auth)
    }

    /// ``send(_:_:query:form:body:contentType:headers:auth:)`` with exactly the given credentials, none when nil.
    func perform(
        _ method: String, _ path: String, query: [(String, String)] = [], form: [(String, String)]? = nil,
        body: [UInt8]? = nil, contentType: String? = nil, headers extra: [(String, String)] = [], auth: VendorAuth?
    ) async throws -> ProvisionAnswer {
        var request = makeRequest(method, path, query: query, headers: extra, auth: auth)
        if let form {
            request.headers.append(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"))
            request.body = .bytes(Array(FormEncoding.encode(form).utf8))
        } else if let body {
            request.headers.append(("Content-Type", contentType ?? "application/octet-stream"))
            request.body = .bytes(body)
        }
        return try await exchange(request) { body in try await body.collect(upTo: Self.maximumAnswerSize) }
    }

    func makeRequest(_ method: String, _ path: String, query: [(String, String)], headers: [(String, String)], auth: VendorAuth?)
        -> ProvisionOutgoing
    {
        var all: [(String, String)] = []
        if let auth { all.append((auth.headerName, auth.value)) }
        all += headers
        return ProvisionOutgoing(method: method, path: path, query: FormEncoding.encode(query), headers: all)
    }

    /// Runs a request and reads its answer's body with `readBody`.
    func exchange(
        _ request: ProvisionOutgoing, readBody: (ProvisionAnswerChunks, _ length: Int?) async throws -> [UInt8]
    ) async throws -> ProvisionAnswer {
        let answer = try await transport.exchange(request) { incoming in
            let length = incoming.headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) }
            // A refusal's body is read into memory even when a file was asked for, so it can be shown.
            let body = incoming.status >= 400 ? try await incoming.body.collect(upTo: 1024 * 1024) : try await readBody(incoming.body, length)
            return ProvisionAnswer(status: incoming.status, reason: incoming.reason, headers: incoming.headers, body: body)
        }
        if throwsOnError, answer.status >= 400 { throw ProvisionError.refused(method: request.method, path: request.path, answer: answer) }
        return answer
    }

    func exchange(_ request: ProvisionOutgoing, readBody: (ProvisionAnswerChunks) async throws -> [UInt8]) async throws -> ProvisionAnswer {
        try await exchange(request) { body, _ in try await readBody(body) }
    }
}
