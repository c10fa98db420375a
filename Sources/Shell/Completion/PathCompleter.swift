/// Completes resource paths at any depth, walking `a/b/` prefixes through the children the
/// session has listed and those completion fetched (see ``RemoteNames``).
struct PathCompleter {
    let snapshot: CompletionSnapshot
    /// The known children of a client RID; nil when unknown.
    var lookup: (String) -> [KnownChild]?

    /// Whole-word candidates for `prefix`, each carrying the part before the last `/`;
    /// clients end in `/` so the path can go on.
    func candidates(for prefix: String) -> [String] {
        guard let slash = prefix.lastIndex(of: "/") else {
            return names(under: snapshot.pathRIDs.last, prefix: "") + ["..", "/"]
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
                guard let here = stack.last, let child = lookup(here)?.first(where: { $0.name == part && $0.isClient })
                else { return [] }
                stack.append(child.rid)
            }
        }
        return names(under: stack.last, prefix: directory)
    }

    private func names(under rid: String?, prefix: String) -> [String] {
        guard let rid else { return [] }
        return (lookup(rid) ?? []).map { prefix + $0.name + ($0.isClient ? "/" : "") }
    }
}
