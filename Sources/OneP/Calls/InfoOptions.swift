import OnePJSON

/// One part of what `info` can report (`basic`, `description`, `key`, ...).
public struct InfoOption: Sendable, Hashable, RawRepresentable, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public static let aliases = InfoOption(rawValue: "aliases")
    public static let basic = InfoOption(rawValue: "basic")
    public static let comments = InfoOption(rawValue: "comments")
    public static let counts = InfoOption(rawValue: "counts")
    public static let description = InfoOption(rawValue: "description")
    public static let key = InfoOption(rawValue: "key")
    public static let shares = InfoOption(rawValue: "shares")
    public static let storage = InfoOption(rawValue: "storage")
    public static let subscribers = InfoOption(rawValue: "subscribers")
    public static let tagged = InfoOption(rawValue: "tagged")
    public static let tags = InfoOption(rawValue: "tags")
    public static let usage = InfoOption(rawValue: "usage")
}

/// Which parts `info` reports: everything available to the caller (``all``), or exactly the listed ones.
public struct InfoOptions: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The requested parts in order; empty means everything available.
    public let options: [InfoOption]

    public init(_ options: [InfoOption]) {
        self.options = options
    }

    public init(arrayLiteral elements: InfoOption...) {
        self.options = elements
    }

    /// Every part the caller may see; sent as an empty object.
    public static let all = InfoOptions([])

    public var json: JSON {
        .object(JSONObject(options.map { ($0.rawValue, JSON.bool(true)) }))
    }
}
