import OnePJSON

/// Reads a `listing` result: the RIDs of each requested type.
public enum Listing {
    /// - Throws: ``OnePError`` of kind malformed answer when `result` is not an object of RID lists.
    public static func rids(from result: JSON?) throws(OnePError) -> [ResourceType: [String]] {
        guard let object = result?.objectValue else {
            throw .malformedAnswer("expected a listing object, got \(result?.kindName ?? "nothing")")
        }
        var rids: [ResourceType: [String]] = [:]
        for (type, list) in object {
            guard let list = list.arrayValue else { throw .malformedAnswer("the \(type) listing is not a list") }
            rids[ResourceType(rawValue: type)] = list.compactMap(\.stringValue)
        }
        return rids
    }
}
