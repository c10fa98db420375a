import OnePJSON

/// One procedure call of a request. Build it with the typed builders (`Call.read(...)`, ...), or
/// directly for a procedure or argument form they do not cover.
public struct Call: Sendable, Hashable {
    public var procedure: String
    public var arguments: [JSON]

    public init(procedure: String, arguments: [JSON]) {
        self.procedure = procedure
        self.arguments = arguments
    }

    /// The call as it appears in the request's `calls` list.
    func json(id: Int) -> JSON {
        ["id": .int(id), "procedure": .string(procedure), "arguments": .array(arguments)]
    }
}

extension Call {
    /// The platform's own timeout of a `wait` when the call names none.
    static let defaultWaitHold = Duration.seconds(30)

    /// How long the platform may hold this call's answer on purpose: a `wait` up to its timeout.
    var answerHold: Duration? {
        guard procedure == "wait" else { return nil }
        guard arguments.count > 1, case .object(let options) = arguments[1], let milliseconds = options["timeout"]?.doubleValue,
            milliseconds.isFinite
        else {
            return Self.defaultWaitHold
        }
        return .milliseconds(Int64(min(max(milliseconds, 0), Double(Int32.max))))
    }
}
