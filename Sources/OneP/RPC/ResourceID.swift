import OnePJSON

/// How a call names a resource: by its 40-hex RID, by an alias the calling client mapped, or the
/// calling client itself.
public enum ResourceID: Sendable, Hashable {
    case rid(String)
    case alias(String)
    /// The calling client; on the wire an empty alias.
    case me

    /// The wire form: a bare string for a RID, `{"alias": ...}` otherwise.
    public var json: JSON {
        switch self {
        case .rid(let rid): return .string(rid)
        case .alias(let alias): return ["alias": .string(alias)]
        case .me: return ["alias": ""]
        }
    }

    /// Reads the wire form back; `nil` when `json` is neither a string nor an alias object.
    public init?(json: JSON) {
        if let rid = json.stringValue {
            self = .rid(rid)
            return
        }
        guard let object = json.objectValue, object.count == 1, let alias = object["alias"]?.stringValue else { return nil }
        self = alias.isEmpty ? .me : .alias(alias)
    }
}

extension ResourceID: CustomStringConvertible {
    public var description: String {
        switch self {
        case .rid(let rid): return rid
        case .alias(let alias): return "alias \"\(alias)\""
        case .me: return "the calling client"
        }
    }
}
