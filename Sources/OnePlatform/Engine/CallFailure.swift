import OnePJSON

/// Why one call of a request did not answer `ok`.
///
/// The rule across procedures: arguments of the wrong shape or kind (a missing argument, a number
/// where an object belongs) fail with code 501 and context `arguments`; arguments of the right
/// kind with an unacceptable value (an unknown sort order, a format that does not exist) answer a
/// plain status such as `invalid`.
struct CallFailure: Error, Sendable {
    fileprivate enum Kind: Sendable {
        case status(CallStatus, result: JSON?)
        case arguments(String)
        case unknownProcedure(String)
        case pointStatuses([JSON])
        case internalFailure
    }

    fileprivate let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static func status(_ status: CallStatus, result: JSON? = nil) -> CallFailure {
        CallFailure(.status(status, result: result))
    }

    static let invalid = CallFailure.status(.invalid)
    static let restricted = CallFailure.status(.restricted)
    static let locked = CallFailure.status(.locked)

    /// The arguments do not have the shape the procedure takes.
    static func arguments(_ reason: String) -> CallFailure {
        CallFailure(.arguments(reason))
    }

    static func unknownProcedure(_ name: String) -> CallFailure {
        CallFailure(.unknownProcedure(name))
    }

    /// Some points of a batch were refused; the others were stored.
    static func pointStatuses(_ statuses: [JSON]) -> CallFailure {
        CallFailure(.pointStatuses(statuses))
    }

    static let internalFailure = CallFailure(.internalFailure)

    /// Whether the call's own database changes stay although the call did not answer `ok`.
    var keepsChanges: Bool {
        if case .pointStatuses = kind { return true }
        return false
    }
}

// MARK: - Answers

extension CallFailure {
    /// The call's entry in the response list.
    func answer(id: JSON) -> JSON {
        var object = JSONObject()
        object["id"] = id
        switch kind {
        case .status(let status, let result):
            object["status"] = .string(status.word)
            if let result { object["result"] = result }
        case .pointStatuses(let statuses):
            object["status"] = .array(statuses)
        case .arguments(let reason):
            object["status"] = .string(CallStatus.fail.word)
            object["error"] = Self.error(code: 501, message: reason, context: "arguments")
        case .unknownProcedure(let name):
            object["status"] = .string(CallStatus.fail.word)
            object["error"] = Self.error(code: 501, message: "unknown procedure \(name)", context: "procedure")
        case .internalFailure:
            object["status"] = .string(CallStatus.fail.word)
            object["error"] = Self.error(code: 500, message: "internal error", context: nil)
        }
        return .object(object)
    }

    private static func error(code: Int, message: String, context: String?) -> JSON {
        var error: JSONObject = ["code": .int(code), "message": .string(message)]
        if let context { error["context"] = .string(context) }
        return .object(error)
    }
}
