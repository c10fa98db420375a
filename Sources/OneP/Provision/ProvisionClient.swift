import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Talks to the provisioning API (`/provision/...`) of a platform over HTTP: vendor registration
/// and tokens, models, serial numbers, content, groups and shares, and the device side (activate,
/// download).
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

    private let owned: OwnedHTTPClient
    var client: HTTPClient { owned.client }

    /// Answers larger than this are refused unless they go to a file.
    static let maximumAnswerSize = 64 * 1024 * 1024

    public init(url: String, auth: VendorAuth? = nil, throwsOnError: Bool = false, timeout: Duration = .seconds(60)) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.auth = auth
        self.throwsOnError = throwsOnError
        self.timeout = timeout
        owned = OwnedHTTPClient(timeout: timeout)
    }

    /// A client for the same platform acting with other credentials; shut it down separately.
    public func with(auth: VendorAuth?) -> ProvisionClient {
        ProvisionClient(url: url, auth: auth, throwsOnError: throwsOnError, timeout: timeout)
    }

    public func shutdown() async throws {
        try await owned.shutdown()
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
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
            request.body = .bytes(Array(FormEncoding.encode(form).utf8))
        } else if let body {
            request.headers.replaceOrAdd(name: "Content-Type", value: contentType ?? "application/octet-stream")
            request.body = .bytes(body)
        }
        return try await exchange(request, method: method, path: path) { response in
            do {
                return Array(try await response.body.collect(upTo: Self.maximumAnswerSize).readableBytesView)
            } catch is NIOTooManyBytesError {
                throw OnePError.malformedAnswer("the answer is larger than \(Self.maximumAnswerSize) bytes")
            }
        }
    }

    func makeRequest(_ method: String, _ path: String, query: [(String, String)], headers: [(String, String)], auth: VendorAuth?)
        -> HTTPClientRequest
    {
        let queryText = query.isEmpty ? "" : "?" + FormEncoding.encode(query)
        var request = HTTPClientRequest(url: url + path + queryText)
        request.method = HTTPMethod(rawValue: method)
        request.headers.add(name: "User-Agent", value: "onep/\(version)")
        if let auth { request.headers.add(name: auth.headerName, value: auth.value) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return request
    }

    /// Runs a request and reads its answer's body with `readBody`.
    func exchange(
        _ request: HTTPClientRequest, method: String, path: String, readBody: (HTTPClientResponse) async throws -> [UInt8]
    ) async throws -> ProvisionAnswer {
        let answer: ProvisionAnswer
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            let headers = response.headers.map { ($0.name, $0.value) }
            let status = Int(response.status.code)
            // A refusal's body is read into memory even when a file was asked for, so it can be shown.
            let body = status >= 400 ? Array(try await response.body.collect(upTo: 1024 * 1024).readableBytesView) : try await readBody(response)
            answer = ProvisionAnswer(
                status: status, reason: response.status.reasonPhrase, headers: headers, body: status >= 400 || !body.isEmpty ? body : [])
        } catch let error as OnePError {
            throw error
        } catch let error as ProvisionError {
            throw error
        } catch {
            throw transportError(error)
        }
        if throwsOnError, answer.status >= 400 { throw ProvisionError.refused(method: method, path: path, answer: answer) }
        return answer
    }

    private func transportError(_ error: any Error) -> OnePError {
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
        return .unreachable(endpoint: url, cause: "\(error)")
    }
}
