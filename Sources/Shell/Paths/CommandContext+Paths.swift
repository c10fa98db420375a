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
        let root = try await root()
        let path = ResourcePath(parsing: text)
        var segments = path.isAbsolute ? [] : session.path
        for segment in path.segments {
            switch segment {
            case .parent:
                guard !segments.isEmpty else {
                    throw ShellError(.badPath(text, reason: "'..' would leave the client you are authenticated as"))
                }
                segments.removeLast()
            case .name(let name):
                let parent = segments.last ?? root
                segments.append(try await resolveChild(name, under: parent, isRoot: segments.isEmpty, fullPath: text))
            }
        }
        return ResolvedResource(segments: segments, root: root)
    }

    /// Resolves several paths, one after another, keeping their order.
    mutating func resolveAll(_ texts: [String]) async throws -> [ResolvedResource] {
        var resolved: [ResolvedResource] = []
        for text in texts { resolved.append(try await resolve(text)) }
        return resolved
    }

    private mutating func resolveChild(_ name: String, under parent: PathSegment, isRoot: Bool, fullPath: String) async throws -> PathSegment {
        let parentID: ResourceID = isRoot ? .me : .rid(parent.rid)
        // The alias lookup and the listing go together, so a plain alias costs one request.
        let first = try await client().batch([
            .lookup(parentID, .alias(name)), .listing(parentID, types: ResourceType.all, options: .init(owned: true)),
        ])
        if first[0].status.isOK, let rid = first[0].result?.stringValue {
            return PathSegment(rid: rid, name: name)
        }
        if ResourcePath.isRID(name) { return PathSegment(rid: name.lowercased(), name: name.lowercased()) }
        guard first[1].status.isOK else { throw ShellError(.notFound(path: fullPath, segment: name)) }
        let listed = Child.listed(first[1].result)
        guard !listed.isEmpty else { throw ShellError(.notFound(path: fullPath, segment: name)) }
        let infos = try await client().batch(listed.map { .info(.rid($0.rid), options: [.description]) })
        let children = zip(listed, infos).map { Child(rid: $0.rid, type: $0.type, info: $1.result, alias: nil) }
        session.childNames[parent.rid] = children.map(\.label)
        let matches = children.filter { $0.name == name }
        switch matches.count {
        case 1: return PathSegment(rid: matches[0].rid, name: name)
        case 0: throw ShellError(.notFound(path: fullPath, segment: name))
        default: throw ShellError(.ambiguousName(segment: name, choices: matches.map { "\($0.rid) (\($0.type))" }))
        }
    }

    /// The resources directly under a client, with names, formats and aliases: two requests.
    mutating func children(of resource: ResolvedResource) async throws -> [Child] {
        let first = try await client().batch([
            .listing(resource.id, types: ResourceType.all, options: .init(owned: true)), .info(resource.id, options: [.aliases]),
        ])
        _ = try first[0].get()
        let listed = Child.listed(first[0].result)
        let aliases = Child.aliases(first[1].status.isOK ? first[1].result : nil)
        guard !listed.isEmpty else { return [] }
        let infos = try await client().batch(listed.map { .info(.rid($0.rid), options: [.description]) })
        let children = zip(listed, infos).map { Child(rid: $0.rid, type: $0.type, info: $1.result, alias: aliases[$0.rid]) }
        session.childNames[resource.rid] = children.map(\.label)
        return Child.ordered(children)
    }
}
