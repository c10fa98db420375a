/// Why a text is not valid JSON, and where.
public struct JSONParseError: Error, Sendable, Equatable {
    /// Byte offset in the input where parsing stopped.
    public let offset: Int
    /// What was wrong there.
    public let reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    static let nestingReason = "nested too deeply"

    /// The text may be fine JSON, but it nests arrays and objects deeper than the parse allowed.
    public var isNestingTooDeep: Bool { reason == Self.nestingReason }
}

extension JSONParseError: CustomStringConvertible {
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
