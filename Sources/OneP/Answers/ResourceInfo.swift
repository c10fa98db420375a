import OnePJSON

/// Typed access to an `info` result; everything else stays reachable through ``json``.
public struct ResourceInfo: Sendable, Hashable {
    public let json: JSON

    /// - Throws: ``OnePError`` of kind malformed answer when `result` is not an object.
    public init(_ result: JSON?) throws(OnePError) {
        guard let result, result.objectValue != nil else {
            throw .malformedAnswer("expected an info object, got \(result?.kindName ?? "nothing")")
        }
        self.json = result
    }

    public var type: ResourceType? { json["basic"]?["type"]?.stringValue.map(ResourceType.init(rawValue:)) }
    /// `activated`, `notactivated`, `locked`, ... for clients and dispatches.
    public var status: String? { json["basic"]?["status"]?.stringValue }
    public var created: Int? { json["basic"]?["created"]?.intValue }
    public var modified: Int? { json["basic"]?["modified"]?.intValue }
    /// The description the resource was created or last updated with.
    public var resourceDescription: JSON? { json["description"] }
    public var name: String? { json["description"]?["name"]?.stringValue }
    /// `float`, `integer` or `string` for resources that store points.
    public var format: String? { json["description"]?["format"]?.stringValue }
    /// The CIK, reported only to the direct owner of a client.
    public var key: String? { json["key"]?.stringValue }

    /// The aliases the resource maps, per child RID.
    public var aliases: [String: [String]] {
        guard let object = json["aliases"]?.objectValue else { return [:] }
        var aliases: [String: [String]] = [:]
        for (rid, names) in object {
            aliases[rid] = names.arrayValue?.compactMap(\.stringValue) ?? []
        }
        return aliases
    }
}
