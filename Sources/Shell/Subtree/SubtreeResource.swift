import OnePJSON

/// One resource of a subtree as the subtree commands (find, dump, diff, copy, templates) see it:
/// what it is, what its owner calls it, and the resources under it.
struct SubtreeResource: Sendable, Equatable {
    var rid: String
    /// `client`, `dataport`, `datarule` or `dispatch`.
    var type: String
    /// The aliases its owner maps to it; empty for the start of a walk (its owner lies outside).
    var aliases: [String] = []
    var description: JSONObject = [:]
    var tags: [String] = []
    /// `[visibility, text]` pairs, as `info` reports them.
    var comments: [JSON] = []
    var children: [SubtreeResource] = []

    var name: String { description["name"]?.stringValue ?? "" }
    var format: String? { description["format"]?.stringValue }
    var meta: String { description["meta"]?.stringValue ?? "" }
    var isClient: Bool { type == "client" }
    /// A script datarule's Lua source.
    var script: String? { description["rule"]?["script"]?.stringValue }

    /// How many resources the subtree holds, this one included.
    var count: Int { 1 + children.reduce(0) { $0 + $1.count } }

    /// Every resource of the subtree, this one first, parents before their children.
    var all: [SubtreeResource] {
        var found: [SubtreeResource] = []
        func visit(_ resource: SubtreeResource) {
            found.append(resource)
            resource.children.forEach(visit)
        }
        visit(self)
        return found
    }

    /// The order children are kept in, so that a walk of the same subtree always gives the same
    /// document: clients last (as `tree` shows them), then by name, first alias and RID.
    ///
    /// Each child's key is read once and the positions sorted, not the resources themselves: a
    /// resource carries its whole subtree, and a level of a large tree is sorted by thousands of
    /// comparisons.
    static func ordered(_ children: [SubtreeResource]) -> [SubtreeResource] {
        guard children.count > 1 else { return children }
        let keys = children.map { (typeRank($0.type), $0.name, $0.aliases.first ?? "", $0.rid) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { children[$0] }
    }

    static func typeRank(_ type: String) -> Int {
        switch type {
        case "dataport": 0
        case "datarule": 1
        case "dispatch": 2
        case "client": 3
        default: 4
        }
    }
}

extension SubtreeResource {
    /// Builds a resource from an `info` answer.
    init(rid: String, type: String, info: JSON?, aliases: [String] = []) {
        self.rid = rid
        self.type = type
        self.aliases = aliases
        description = info?["description"]?.objectValue ?? [:]
        tags = (info?["tags"]?.arrayValue ?? []).compactMap(\.stringValue)
        comments = info?["comments"]?.arrayValue ?? []
    }
}
