import OnePJSON

// MARK: - Tags and comments

extension Call {
    /// Adds or removes a tag on a resource.
    public static func tag(_ rid: ResourceID, _ action: TagAction, _ tag: String) -> Call {
        Call(procedure: "tag", arguments: [rid.json, .string(action.rawValue), .string(tag)])
    }

    /// Attaches a comment (an older feature portals used for units).
    public static func comment(_ rid: ResourceID, _ visibility: CommentVisibility, _ text: String) -> Call {
        Call(procedure: "comment", arguments: [rid.json, .string(visibility.rawValue), .string(text)])
    }
}
