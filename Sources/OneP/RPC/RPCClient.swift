import OnePJSON

/// Sends calls to the platform as JSON-RPC requests, authenticated with one ``Auth``.
///
/// Many calls in one ``batch(_:)`` travel in a single request: that is the platform's unit of
/// batching and the way to keep the number of round trips low.
public final class RPCClient: Sendable {
    public let transport: any Transport
    public let auth: Auth

    public init(transport: any Transport, auth: Auth) {
        self.transport = transport
        self.auth = auth
    }

    /// A client on the same transport acting with other credentials.
    public func with(auth: Auth) -> RPCClient {
        RPCClient(transport: transport, auth: auth)
    }

    /// Makes one call.
    /// - Returns: the call's result, `nil` for procedures that answer none.
    /// - Throws: ``OnePError``: request-level refusal, the call's non-`ok` status, transport failure or malformed answer.
    public func call(_ call: Call) async throws -> JSON? {
        let results = try await batch([call])
        return try results[0].get()
    }

    /// Makes any number of calls in one request.
    /// - Returns: one result per call, in the order of `calls`, whatever the order of the answer.
    /// - Throws: ``OnePError`` only when the request as a whole failed; failed calls are in their results.
    public func batch(_ calls: [Call]) async throws -> [CallResult] {
        guard !calls.isEmpty else { return [] }
        let body = requestBody(calls)
        // The platform runs the waits of one request one after another.
        let hold = calls.compactMap(\.answerHold).reduce(.zero, +)
        let answer = try await transport.send(body, answerHeldUpTo: hold)
        return try Self.results(of: calls, from: answer)
    }

    func requestBody(_ calls: [Call]) -> [UInt8] {
        let request: JSON = [
            "auth": auth.json,
            "calls": .array(calls.enumerated().map { $0.element.json(id: $0.offset) }),
        ]
        return request.utf8Bytes()
    }

    /// Matches the answers to the calls by the ids the request gave them (their positions).
    static func results(of calls: [Call], from body: [UInt8]) throws(OnePError) -> [CallResult] {
        let answer: JSON
        do {
            answer = try JSON(parsing: body)
        } catch {
            throw .malformedAnswer(body.isEmpty ? "empty body" : "\(error)")
        }
        if let failure = answer["error"] {
            throw requestFailure(failure)
        }
        guard let entries = answer.arrayValue else {
            throw .malformedAnswer("expected a list of answers, got \(answer.kindName)")
        }
        var found = [CallResult?](repeating: nil, count: calls.count)
        for entry in entries {
            guard let id = entry["id"]?.intValue, found.indices.contains(id) else {
                throw .malformedAnswer("an answer has an unknown id \(entry["id"]?.serialized() ?? "(none)")")
            }
            guard let statusJSON = entry["status"], let status = CallStatus(json: statusJSON) else {
                throw .malformedAnswer("the answer to \(calls[id].procedure) has no readable status")
            }
            found[id] = CallResult(call: calls[id], status: status, result: entry["result"], error: entry["error"])
        }
        var results: [CallResult] = []
        results.reserveCapacity(calls.count)
        for (index, result) in found.enumerated() {
            guard let result else { throw .malformedAnswer("no answer to call \(index) (\(calls[index].procedure))") }
            results.append(result)
        }
        return results
    }

    private static func requestFailure(_ failure: JSON) -> OnePError {
        guard let code = failure["code"]?.intValue else {
            return .malformedAnswer("a request error without a code: \(failure.serialized())")
        }
        return .requestFailed(code: code, message: failure["message"]?.stringValue ?? "", context: failure["context"]?.stringValue)
    }
}
