import OnePJSON

/// What `lookup` searches by.
public enum LookupKey: Sendable, Hashable {
    /// An alias the client mapped; `""` answers the client's own RID.
    case alias(String)
    /// The owner of a resource.
    case owner(ResourceID)
    /// The resource behind a share code.
    case shared(String)

    var wire: (type: String, value: JSON) {
        switch self {
        case .alias(let alias): return ("alias", .string(alias))
        case .owner(let rid): return ("owner", rid.json)
        case .shared(let code): return ("shared", .string(code))
        }
    }
}

/// What an activation code stands for in `revoke`, `activate` and `deactivate`: a client's CIK or a share code.
public enum CodeKind: String, Sendable, Hashable {
    case client
    case share
}

/// Where `clone` copies from: a client's RID or a share code of it.
public enum CloneSource: Sendable, Hashable {
    case rid(String)
    case code(String)
}

/// Whether `tag` adds or removes a tag.
public enum TagAction: String, Sendable, Hashable {
    case add
    case remove
}

/// Who may see a comment.
public enum CommentVisibility: String, Sendable, Hashable {
    case `public`
    case `private`
}
