import OnePJSON

/// Anything that went wrong talking to the platform: the request as a whole was refused, one call
/// answered a status other than `ok`, the platform could not be reached, or its answer made no sense.
///
/// Match on ``kind`` and read the structured members; ``description`` is the one line shown to people.
public struct OnePError: Error, Sendable {
    private enum Reason: Sendable {
        case requestFailed(code: Int, message: String, context: String?)
        case callFailed(procedure: String, status: CallStatus, detail: JSON?)
        case unreachable(endpoint: String, cause: String)
        case timedOut(endpoint: String, after: Duration?)
        case tls(endpoint: String, cause: String)
        case connectionClosed(endpoint: String)
        case malformedAnswer(reason: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The family an error belongs to.
    public struct Kind: Sendable, Hashable, CustomStringConvertible {
        public let description: String
        private init(_ name: String) { self.description = name }

        /// The platform refused the whole request (bad auth, malformed body, ...).
        public static let requestFailed = Kind("requestFailed")
        /// One call answered a status other than `ok`.
        public static let callFailed = Kind("callFailed")
        /// No connection could be made.
        public static let unreachable = Kind("unreachable")
        public static let timedOut = Kind("timedOut")
        public static let tls = Kind("tls")
        /// The connection closed before the answer was complete.
        public static let connectionClosed = Kind("connectionClosed")
        /// The answer was not what the protocol promises.
        public static let malformedAnswer = Kind("malformedAnswer")
    }

    public var kind: Kind {
        switch reason {
        case .requestFailed: return .requestFailed
        case .callFailed: return .callFailed
        case .unreachable: return .unreachable
        case .timedOut: return .timedOut
        case .tls: return .tls
        case .connectionClosed: return .connectionClosed
        case .malformedAnswer: return .malformedAnswer
        }
    }

    // MARK: Making errors

    public static func requestFailed(code: Int, message: String, context: String?) -> OnePError {
        OnePError(.requestFailed(code: code, message: message, context: context))
    }

    public static func callFailed(procedure: String, status: CallStatus, detail: JSON?) -> OnePError {
        OnePError(.callFailed(procedure: procedure, status: status, detail: detail))
    }

    public static func unreachable(endpoint: String, cause: String) -> OnePError {
        OnePError(.unreachable(endpoint: endpoint, cause: cause))
    }

    public static func timedOut(endpoint: String, after: Duration?) -> OnePError {
        OnePError(.timedOut(endpoint: endpoint, after: after))
    }

    public static func tls(endpoint: String, cause: String) -> OnePError {
        OnePError(.tls(endpoint: endpoint, cause: cause))
    }

    public static func connectionClosed(endpoint: String) -> OnePError {
        OnePError(.connectionClosed(endpoint: endpoint))
    }

    public static func malformedAnswer(_ reason: String) -> OnePError {
        OnePError(.malformedAnswer(reason: reason))
    }
}

// MARK: - Structured members

extension OnePError {
    /// The request-level error code (`-1`, `400`, `401`, `500`, `501`).
    public var requestCode: Int? {
        if case .requestFailed(let code, _, _) = reason { return code }
        return nil
    }

    /// The procedure of a failed call.
    public var procedure: String? {
        if case .callFailed(let procedure, _, _) = reason { return procedure }
        return nil
    }

    /// The status of a failed call.
    public var callStatus: CallStatus? {
        if case .callFailed(_, let status, _) = reason { return status }
        return nil
    }

    /// The platform rejected the credentials (request code 401).
    public var isAuthRejected: Bool { requestCode == 401 }

    /// No connection to the platform could be made.
    public var isUnreachable: Bool { kind == .unreachable }

    /// The platform could not be talked to: unreachable, timed out, TLS failed or the connection dropped.
    public var isTransportFailure: Bool {
        [.unreachable, .timedOut, .tls, .connectionClosed].contains(kind)
    }
}

// MARK: - Text

extension OnePError: CustomStringConvertible {
    public var description: String {
        switch reason {
        case .requestFailed(let code, let message, let context):
            let whereText = context.map { " (in \($0))" } ?? ""
            if code == 401 { return "the platform rejected the credentials: \(message)\(whereText)" }
            return "the platform refused the request: \(code) \(message)\(whereText)"
        case .callFailed(let procedure, let status, let detail):
            let message = detail?["message"]?.stringValue.map { ": \($0)" } ?? ""
            return "\(procedure) failed: \(status)\(message)"
        case .unreachable(let endpoint, let cause):
            return "cannot reach \(endpoint): \(cause)"
        case .timedOut(let endpoint, let after):
            let afterText = after.map { " after " + Self.seconds($0) } ?? ""
            return "no answer from \(endpoint)\(afterText)"
        case .tls(let endpoint, let cause):
            return "TLS with \(endpoint) failed: \(cause)"
        case .connectionClosed(let endpoint):
            return "\(endpoint) closed the connection before answering"
        case .malformedAnswer(let reason):
            return "the platform's answer is malformed: \(reason)"
        }
    }
}

extension OnePError {
    /// A duration as people write it: `30 s`, `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        var text = String(Double(milliseconds) / 1000)
        while text.hasSuffix("0") { text.removeLast() }
        return text + " s"
    }
}
