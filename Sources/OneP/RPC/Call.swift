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
