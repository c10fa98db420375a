import OnePJSON

/// Which children `listing` returns. With nothing set the platform lists the owned ones.
public struct ListingOptions: Sendable, Hashable {
    public var owned: Bool?
    /// Resources shared with and activated by the caller.
    public var activated: Bool?
    /// Resources the caller mapped an alias to.
    public var aliased: Bool?
    public var `public`: Bool?
    /// Only resources carrying one of these tags.
    public var tagged: [String]?

    public init(owned: Bool? = nil, activated: Bool? = nil, aliased: Bool? = nil, public: Bool? = nil, tagged: [String]? = nil) {
        self.owned = owned
        self.activated = activated
        self.aliased = aliased
        self.public = `public`
        self.tagged = tagged
    }

    public var json: JSON {
        var object = JSONObject()
        if let owned { object["owned"] = .bool(owned) }
        if let activated { object["activated"] = .bool(activated) }
        if let aliased { object["aliased"] = .bool(aliased) }
        if let `public` { object["public"] = .bool(`public`) }
        if let tagged { object["tagged"] = .array(tagged.map(JSON.string)) }
        return .object(object)
    }
}
