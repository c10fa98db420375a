import OnePJSON

/// A failure of a whole request, answered with the platform's error object instead of a list.
struct RequestError: Error, Sendable {
    private enum Kind: Sendable {
        case notJSON
        case malformed(context: String?, reason: String)
        case unauthorized(String)
        case internalFailure
    }

    private let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    /// The body is not JSON at all.
    static let notJSON = RequestError(.notJSON)

    /// The body is JSON but not a request; `context` names the part at fault.
    static func malformed(_ context: String?, _ reason: String) -> RequestError {
        RequestError(.malformed(context: context, reason: reason))
    }

    /// The credentials do not name an active client.
    static func unauthorized(_ reason: String) -> RequestError {
        RequestError(.unauthorized(reason))
    }

    static let internalFailure = RequestError(.internalFailure)

    var code: Int {
        switch kind {
        case .notJSON: return -1
        case .malformed: return 400
        case .unauthorized: return 401
        case .internalFailure: return 500
        }
    }

    /// The response body for this failure.
    var body: JSON {
        var error: JSONObject = ["code": .int(code)]
        switch kind {
        case .notJSON:
            error["message"] = "request body is not valid JSON"
        case .malformed(let context, let reason):
            error["message"] = .string(reason)
            if let context { error["context"] = .string(context) }
        case .unauthorized(let reason):
            error["message"] = .string(reason)
            error["context"] = "auth"
        case .internalFailure:
            error["message"] = "internal error"
        }
        return ["error": .object(error)]
    }
}
