/// A kind of resource as the platform names it: `client`, `dataport`, `datarule`, `dispatch`.
public struct ResourceType: Sendable, Hashable, RawRepresentable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public static let client = ResourceType(rawValue: "client")
    public static let dataport = ResourceType(rawValue: "dataport")
    public static let datarule = ResourceType(rawValue: "datarule")
    public static let dispatch = ResourceType(rawValue: "dispatch")

    /// Every type `listing` knows, in the platform's order.
    public static let all: [ResourceType] = [.client, .dataport, .datarule, .dispatch]
}

extension ResourceType: CustomStringConvertible {
    public var description: String { rawValue }
}
