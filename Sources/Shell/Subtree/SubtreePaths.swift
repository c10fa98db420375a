/// Paths to every resource of a subtree, relative to its start, that the shell's own path syntax
/// resolves: a segment is the resource's name, or where the name cannot serve (empty, shared with
/// a sibling, or holding a `/`) its first alias, else its RID.
enum SubtreePaths {
    /// Each resource of the subtree below the start (depth-first, in the subtree's order) with
    /// its relative path and depth (1 for the start's own children).
    static func entries(of root: SubtreeResource) -> [(resource: SubtreeResource, path: String, depth: Int)] {
        var found: [(resource: SubtreeResource, path: String, depth: Int)] = []
        func visit(_ parent: SubtreeResource, prefix: String, depth: Int) {
            for child in parent.children {
                let path = prefix.isEmpty ? segment(for: child, among: parent.children) : prefix + "/" + segment(for: child, among: parent.children)
                found.append((child, path, depth))
                visit(child, prefix: path, depth: depth + 1)
            }
        }
        visit(root, prefix: "", depth: 1)
        return found
    }

    static func segment(for resource: SubtreeResource, among siblings: [SubtreeResource]) -> String {
        let name = resource.name
        if usable(name), siblings.filter({ $0.name == name }).count == 1 { return name }
        if let alias = resource.aliases.first(where: usable) { return alias }
        return resource.rid
    }

    /// Whether a name can be one segment of a path: not empty, no `/`, not `.` or `..`, and not
    /// mistaken for a RID.
    static func usable(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".." && !ResourcePath.isRID(name)
    }

    /// `base/relative`, where `base` is the path as the user typed it (nil: here).
    static func join(_ base: String?, _ relative: String) -> String {
        guard let base, !base.isEmpty, base != "." else { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }
}
