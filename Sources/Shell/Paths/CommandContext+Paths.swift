import OneP
import OnePJSON

/// A resolved path: where it lies and how to name it in a call.
struct ResolvedResource: Sendable {
    /// From the root down to the resource; empty for the root itself.
    var segments: [PathSegment]
    var root: PathSegment

    var rid: String { segments.last?.rid ?? root.rid }
    var name: String { segments.last?.name ?? root.name }
    /// The root is named as the caller itself, so calls work for clients that cannot see their own RID.
    var id: ResourceID { segments.isEmpty ? .me : .rid(rid) }
    var text: String { "/" + segments.map(\.name).joined(separator: "/") }
}

extension CommandContext {
    /// The client the session is authenticated as; asks the platform once and remembers it.
    mutating func root() async throws -> PathSegment {
        if let root = session.root { return root }
        let answer = try await client().call(.lookup(.me, .alias("")))
        guard let rid = answer?.stringValue else { throw OnePError.malformedAnswer("lookup of the caller gave no RID") }
        let root = PathSegment(rid: rid, name: session.authLabel)
        session.root = root
        return root
    }

    /// Resolves a path relative to the current resource. Each name is an alias of the client it is
    /// under first, else a RID, else the name of exactly one child.
    /// - Throws: ``ShellError`` for a name that matches nothing or several resources.
    mutating func resolve(_ text: String) async throws -> ResolvedResource {
        try await resolveAll([text])[0]
    }

    /// Resolves several paths together, one level at a time. Names the session's path cache knows
    /// cost nothing; the others cost, per level, one request for the alias lookups and listings of
    /// every path, and one more for child names when a name is not an alias. So `read a b c`
    /// resolves in two requests the first time, and in none once the names are known. When the
    /// session does not know yet which client it is, that question rides along with the first
    /// level's lookups, which name the root as the caller itself.
    mutating func resolveAll(_ texts: [String]) async throws -> [ResolvedResource] {
        let paths = texts.map(ResourcePath.init(parsing:))
        let namesAtRoot = paths.contains { path in path.segments.contains { if case .name = $0 { true } else { false } } }
        var root: PathSegment
        if let known = session.root {
            root = known
        } else if namesAtRoot {
            root = PathSegment(rid: Self.rootToLearn, name: session.authLabel)
        } else {
            root = try await self.root()
        }
        var states = texts.map { text in
            let path = ResourcePath(parsing: text)
            return PendingPath(text: text, segments: path.isAbsolute ? [] : session.path, remaining: path.segments[...])
        }
        let cache = session.paths
        while true {
            var wanted: [(index: Int, parent: PathSegment, name: String)] = []
            for index in states.indices {
                while true {
                    try states[index].climb()
                    guard let name = states[index].nextName else { break }
                    let parent = states[index].segments.last ?? root
                    guard let known = cache?.segment(named: name, under: parent.rid) else {
                        wanted.append((index, parent, name))
                        break
                    }
                    cachedParents.insert(parent.rid)
                    states[index].advance(to: known)
                }
            }
            guard !wanted.isEmpty else { break }
            let found = try await lookUp(wanted.map { ($0.parent, $0.name) }, root: root)
            if let learnt = found.root { root = learnt }
            for item in wanted {
                let parent = item.parent.rid == Self.rootToLearn ? root.rid : item.parent.rid
                states[item.index].advance(to: try found.segment(named: item.name, under: parent, path: states[item.index].text))
            }
        }
        if root.rid == Self.rootToLearn { root = try await self.root() }
        return states.map { ResolvedResource(segments: $0.segments, root: root) }
    }

    /// Stands for the root's RID until the first request of a resolution tells it.
    private static let rootToLearn = ""

    /// Asks the platform about every (parent, name) of one level: the aliases and listings in one
    /// request, then the names of the children of parents where some name is not an alias. What
    /// it learns goes into the path cache.
    private mutating func lookUp(_ wanted: [(parent: PathSegment, name: String)], root: PathSegment) async throws -> LevelAnswers {
        func id(_ parent: PathSegment) -> ResourceID { parent.rid == root.rid ? .me : .rid(parent.rid) }
        var parents: [PathSegment] = []
        var pairs: [(parent: PathSegment, name: String)] = []
        for item in wanted {
            if !parents.contains(item.parent) { parents.append(item.parent) }
            if !pairs.contains(where: { $0.parent == item.parent && $0.name == item.name }) { pairs.append(item) }
        }
        var calls: [Call] = pairs.map { .lookup(id($0.parent), .alias($0.name)) }
        calls += parents.map { .listing(id($0), types: ResourceType.all, options: .init(owned: true)) }
        let learnsRoot = root.rid == Self.rootToLearn
        if learnsRoot { calls.append(.lookup(.me, .alias(""))) }
        var results = try await client().batch(calls)
        var answers = LevelAnswers()
        if learnsRoot {
            guard let rid = try results.removeLast().get()?.stringValue else {
                throw OnePError.malformedAnswer("lookup of the caller gave no RID")
            }
            let learnt = PathSegment(rid: rid, name: session.authLabel)
            session.root = learnt
            answers.root = learnt
            func known(_ parent: PathSegment) -> PathSegment { parent.rid == Self.rootToLearn ? learnt : parent }
            parents = parents.map(known)
            pairs = pairs.map { (known($0.parent), $0.name) }
            return try await describe(pairs: pairs, parents: parents, results: results, answers: answers, root: learnt)
        }
        return try await describe(pairs: pairs, parents: parents, results: results, answers: answers, root: root)
    }

    /// The second half of a level's lookup: what the aliases and listings said, and the names of
    /// children where a name was not an alias.
    private mutating func describe(
        pairs: [(parent: PathSegment, name: String)], parents: [PathSegment], results: [CallResult], answers: LevelAnswers, root: PathSegment
    ) async throws -> LevelAnswers {
        func id(_ parent: PathSegment) -> ResourceID { parent.rid == root.rid ? .me : .rid(parent.rid) }
        var answers = answers
        for (pair, result) in zip(pairs, results) where result.status.isOK {
            if let rid = result.result?.stringValue {
                answers.aliases[pair.parent.rid + "/" + pair.name] = rid
                session.paths?.learn(alias: pair.name, names: rid, under: pair.parent.rid)
            }
        }
        var listed: [String: [(rid: String, type: String)]] = [:]
        for (parent, result) in zip(parents, results.dropFirst(pairs.count)) where result.status.isOK {
            listed[parent.rid] = Child.listed(result.result)
        }
        let needNames = Set(
            pairs.filter { answers.aliases[$0.parent.rid + "/" + $0.name] == nil && !ResourcePath.isRID($0.name) }.map(\.parent.rid))
        let toDescribe = parents.filter { needNames.contains($0.rid) }.flatMap { parent in (listed[parent.rid] ?? []).map { (parent.rid, $0) } }
        guard !toDescribe.isEmpty else { return answers }
        let described = parents.filter { needNames.contains($0.rid) }
        // The parents' aliases ride along, so the cache learns each parent whole.
        var describeCalls: [Call] = toDescribe.map { .info(.rid($0.1.rid), options: [.description]) }
        describeCalls += described.map { .info(id($0), options: [.aliases]) }
        let infos = try await client().batch(describeCalls)
        var aliases: [String: JSON] = [:]
        for (parent, info) in zip(described, infos.dropFirst(toDescribe.count)) where info.status.isOK {
            aliases[parent.rid] = info.result
        }
        for ((parent, item), info) in zip(toDescribe, infos) {
            let first = Child.aliases(aliases[parent])
            answers.children[parent, default: []].append(Child(rid: item.rid, type: item.type, info: info.result, alias: first[item.rid]))
        }
        for parent in described where aliases[parent.rid] != nil && listed[parent.rid] != nil {
            session.paths?.learn(
                children: answers.children[parent.rid] ?? [], aliases: Child.aliasTargets(aliases[parent.rid]), under: parent.rid)
        }
        return answers
    }

    /// The resources directly under a client, with names, formats and aliases: two requests.
    /// For a resource that is not a client, the answer is that resource alone, as `ls FILE` shows the file.
    mutating func children(of resource: ResolvedResource) async throws -> [Child] {
        let client = try client()
        // The caller's own listing also asks what it activated through shares, in the same request.
        let asksShared = resource.segments.isEmpty
        let first = try await client.batch(
            [
                .listing(resource.id, types: ResourceType.all, options: .init(owned: true)), .info(resource.id, options: [.aliases]),
                .info(resource.id, options: [.basic, .description]),
            ] + (asksShared ? [Self.activatedListing] : []))
        let itself = try first[2].get()
        if let type = itself?["basic"]?["type"]?.stringValue, type != "client" {
            return [Child(rid: resource.rid, type: type, info: itself, alias: nil)]
        }
        _ = try first[0].get()
        let listed = Child.listed(first[0].result)
        let aliasInfo = first[1].status.isOK ? first[1].result : nil
        let aliases = Child.aliases(aliasInfo)
        let owned = Set(listed.map(\.rid))
        let shared = asksShared ? Child.listed(first[3].result).filter { !owned.contains($0.rid) } : []
        var children: [Child] = []
        var sharedChildren: [Child] = []
        if !listed.isEmpty || !shared.isEmpty {
            let infos = try await client.batch((listed + shared).map { .info(.rid($0.rid), options: [.description]) })
            children = zip(listed, infos).map { Child(rid: $0.rid, type: $0.type, info: $1.result, alias: aliases[$0.rid]) }
            sharedChildren = zip(shared, infos.dropFirst(listed.count)).map { Self.sharedChild($0, info: $1.result) }
        }
        if aliasInfo != nil { session.paths?.learn(children: children, aliases: Child.aliasTargets(aliasInfo), under: resource.rid) }
        // Shared resources come after the client's own; reached by RID, they are not cached as children.
        return Child.ordered(children) + Child.ordered(sharedChildren)
    }

    /// What the caller activated through shares.
    static let activatedListing = Call.listing(.me, types: ResourceType.all, options: .init(activated: true))

    private static func sharedChild(_ item: (rid: String, type: String), info: JSON?) -> Child {
        var child = Child(rid: item.rid, type: item.type, info: info, alias: nil)
        child.shared = true
        return child
    }

    /// The resources of an activated listing (``activatedListing``) that `owned` does not hold,
    /// described, as children marked shared; one request when there are any.
    func sharedChildren(_ listing: JSON?, owned: Set<String>) async throws -> [Child] {
        let shared = Child.listed(listing).filter { !owned.contains($0.rid) }
        guard !shared.isEmpty else { return [] }
        let infos = try await client().batch(shared.map { .info(.rid($0.rid), options: [.description]) })
        return Child.ordered(zip(shared, infos).map { Self.sharedChild($0, info: $1.result) })
    }
}

/// One path while it is being resolved.
private struct PendingPath {
    let text: String
    var segments: [PathSegment]
    var remaining: ArraySlice<ResourcePath.Segment>

    /// Applies leading `..` steps, which need no request.
    mutating func climb() throws(ShellError) {
        while case .parent? = remaining.first {
            guard !segments.isEmpty else {
                throw ShellError(.badPath(text, reason: "'..' would leave the client you are authenticated as"))
            }
            segments.removeLast()
            remaining.removeFirst()
        }
    }

    var nextName: String? {
        if case .name(let name)? = remaining.first { return name }
        return nil
    }

    mutating func advance(to segment: PathSegment) {
        segments.append(segment)
        remaining.removeFirst()
    }
}

/// What the platform said about the names of one level.
private struct LevelAnswers {
    /// RID by "parentRID/alias".
    var aliases: [String: String] = [:]
    /// Described children by parent RID, for parents where a name was not an alias.
    var children: [String: [Child]] = [:]
    /// The client the session is, when this level's request asked.
    var root: PathSegment?

    func segment(named name: String, under parent: String, path: String) throws(ShellError) -> PathSegment {
        if let rid = aliases[parent + "/" + name] { return PathSegment(rid: rid, name: name) }
        if ResourcePath.isRID(name) { return PathSegment(rid: name.lowercased(), name: name.lowercased()) }
        let matches = (children[parent] ?? []).filter { $0.name == name }
        switch matches.count {
        case 1: return PathSegment(rid: matches[0].rid, name: name)
        case 0: throw ShellError(.notFound(path: path, segment: name))
        default: throw ShellError(.ambiguousName(segment: name, choices: matches.map { "\($0.rid) (\($0.type))" }))
        }
    }
}
