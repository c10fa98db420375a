/// Completes resource paths from what the session has already listed, walking `a/b/` prefixes
/// through the cache so completion never waits for the platform.
struct PathCompleter {
    let snapshot: CompletionSnapshot

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
                guard let here = stack.last, let child = snapshot.knownChildren[here]?.first(where: { $0.name == part && $0.isClient })
                else { return [] }
                stack.append(child.rid)
            }
        }
        return names(under: stack.last, prefix: directory)
    }

    private func names(under rid: String?, prefix: String) -> [String] {
        guard let rid else { return [] }
        return (snapshot.knownChildren[rid] ?? []).map { prefix + $0.name + ($0.isClient ? "/" : "") }
    }
}
