/// Completes resource paths at any depth, walking `a/b/` prefixes through the children the
/// session has listed and those completion fetched (see ``RemoteNames``).
struct PathCompleter {
    let snapshot: CompletionSnapshot
    /// The known children of a client RID; nil when unknown.
    var lookup: (String) -> [KnownChild]?

    /// Whole-word candidates for `prefix`, each carrying the part before the last `/`;
    /// clients end in `/` so the path can go on.
    /// - Parameter offering: which children other than clients are offered (all by default).
    func candidates(for prefix: String, offering: (KnownChild) -> Bool = { _ in true }) -> [String] {
        guard let slash = prefix.lastIndex(of: "/") else {
            return names(under: snapshot.pathRIDs.last, prefix: "", offering: offering) + ["..", "/"]
        }
        let directory = String(prefix[...slash])
        var stack = directory.hasPrefix("/") ? Array(snapshot.pathRIDs.prefix(1)) : snapshot.pathRIDs
        for part in directory.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard stack.count > 1 else { return [] }
                stack.removeLast()
            default:
                guard let here = stack.last, let child = PathCompleter.child(named: String(part), in: lookup(here) ?? []) else { return [] }
                stack.append(child.rid)
            }
        }
        return names(under: stack.last, prefix: directory, offering: offering)
    }

    /// The client a path segment names, read as the shell resolves paths: an alias first, then a
    /// RID, then a name.
    private static func child(named part: String, in children: [KnownChild]) -> KnownChild? {
        let clients = children.filter(\.isClient)
        return clients.first { $0.alias == part } ?? clients.first { $0.rid == part.lowercased() } ?? clients.first { $0.name == part }
    }

    /// Each child by its name and, when it has a different one, by its alias.
    private func names(under rid: String?, prefix: String, offering: (KnownChild) -> Bool) -> [String] {
        guard let rid else { return [] }
        return (lookup(rid) ?? []).filter { $0.isClient || offering($0) }.flatMap { child in
            let end = child.isClient ? "/" : ""
            let alias = child.alias.flatMap { $0 == child.name ? nil : prefix + $0 + end }
            return [prefix + child.name + end] + (alias.map { [$0] } ?? [])
        }
    }
}
