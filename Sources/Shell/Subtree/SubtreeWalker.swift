import OneP
import OnePJSON

/// Reads a whole subtree level by level, so the requests grow with its depth and never with its
/// size: per level one request lists every client of the level (with the aliases each maps) and
/// one more describes everything those listings found.
///
/// A client's aliases are visible only to the client itself and its direct owner, and a request
/// carries one set of credentials (rpc.md: `auth` is the request's, not a call's). So the walk
/// acts as the start client, which sees its own aliases and those of its clients; aliases mapped
/// by clients two or more levels down cost one more request per client that owns them, sent at
/// the same time as the level's listing. Looking up one alias by name needs no such request:
/// `lookup [client, "alias", name]` works for any client below the caller (``aliasLookup``).
struct SubtreeWalker {
    /// What `info` reads for every resource besides its description.
    var parts: [InfoOption] = []
    /// Whether the aliases every client maps are read (at any depth).
    var readsAliases = true
    /// Instead of every alias (``readsAliases`` false), only whether each client maps this one:
    /// the resources it names get it as their only alias, at no extra request.
    var aliasLookup: String? = nil

    private var readsEveryAlias: Bool { readsAliases && aliasLookup == nil }
    /// Levels below the start to read; nil reads them all.
    var maxDepth: Int? = nil

    /// - Throws: ``OnePError`` when the platform refuses the start or a listing.
    func walk(from start: ResolvedResource, context: inout CommandContext) async throws -> SubtreeResource {
        let session = try context.client()
        let described = InfoOptions([.description] + parts.filter { $0 != .description })
        let first = try await session.batch([
            .info(start.id, options: InfoOptions([.basic] + described.options)),
            .listing(start.id, types: ResourceType.all, options: .init(owned: true)),
        ])
        let startInfo = try first[0].get()
        let type = startInfo?["basic"]?["type"]?.stringValue ?? "client"
        var root = SubtreeResource(rid: start.rid, type: type, info: startInfo)
        guard type == "client", maxDepth ?? 1 > 0 else { return root }
        let listing = try first[1].get()

        // Acting as the start client: it may see its own aliases and every description below it.
        let acting = try context.client(actingAs: start.rid)
        var state = WalkState()
        var level: [ListedClient] = [ListedClient(rid: start.rid, listing: listing, aliases: nil, depth: 0)]
        while !level.isEmpty {
            try Task.checkCancellation()
            var calls: [Call] = []
            var found: [(parent: String, rid: String, type: String)] = []
            for client in level {
                for child in Child.listed(client.listing) { found.append((client.rid, child.rid, child.type)) }
            }
            calls = found.map { .info(.rid($0.rid), options: described) }
            let startAliases = level.first?.depth == 0 && readsEveryAlias
            let startLookup = level.first?.depth == 0 ? aliasLookup : nil
            if startAliases { calls.append(.info(.rid(start.rid), options: [.aliases])) }
            if let startLookup { calls.append(.lookup(.rid(start.rid), .alias(startLookup))) }
            let answers = calls.isEmpty ? [] : try await acting.batch(calls)
            if startAliases, let answer = answers.last, answer.status.isOK {
                state.aliasMaps[start.rid] = Child.aliasLists(answer.result)
            }
            if let startLookup, let answer = answers.last {
                state.aliasMaps[start.rid] = Self.lookedUp(startLookup, answer)
            }
            for client in level where client.aliases != nil { state.aliasMaps[client.rid] = client.aliases }
            for (index, item) in found.enumerated() {
                let info = answers[index]
                // A resource dropped since the listing is simply no longer there.
                guard info.status.isOK else { continue }
                state.resources[item.rid] = SubtreeResource(rid: item.rid, type: item.type, info: info.result)
                state.children[item.parent, default: []].append(item.rid)
            }
            let depth = (level.first?.depth ?? 0) + 1
            if let maxDepth, depth >= maxDepth { break }
            let next = found.filter { $0.type == "client" && state.resources[$0.rid] != nil }
            level = try await list(next.map { ($0.parent, $0.rid) }, depth: depth, acting: acting, context: context)
        }
        root.children = state.build(under: start.rid)
        if readsAliases || aliasLookup != nil { root.children = state.named(root.children, under: start.rid) }
        return root
    }

    /// Lists the clients of one level and reads the aliases each maps: the start's own clients in
    /// the same request, deeper ones through their owners in requests sent alongside it.
    private func list(
        _ clients: [(parent: String, rid: String)], depth: Int, acting: PlatformClient, context: CommandContext
    ) async throws -> [ListedClient] {
        guard !clients.isEmpty else { return [] }
        var calls: [Call] = clients.map { .listing(.rid($0.rid), types: ResourceType.all, options: .init(owned: true)) }
        let visible = depth == 1 && readsEveryAlias
        if visible { calls += clients.map { .info(.rid($0.rid), options: [.aliases]) } }
        if let aliasLookup { calls += clients.map { .lookup(.rid($0.rid), .alias(aliasLookup)) } }
        var owners: [String: [String]] = [:]
        if readsEveryAlias, depth >= 2 {
            for client in clients { owners[client.parent, default: []].append(client.rid) }
        }
        async let listed = acting.batch(calls)
        let deep = try await Self.aliasMaps(owners, context: context)
        let results = try await listed
        return try clients.enumerated().map { index, client in
            var aliases = visible && results[clients.count + index].status.isOK ? Child.aliasLists(results[clients.count + index].result) : nil
            if let aliasLookup { aliases = Self.lookedUp(aliasLookup, results[clients.count + index]) }
            return ListedClient(rid: client.rid, listing: try results[index].get(), aliases: aliases ?? deep[client.rid], depth: depth)
        }
    }

    /// The alias map a lookup of one alias gives: that alias for the RID it names, if any.
    private static func lookedUp(_ alias: String, _ answer: CallResult) -> [String: [String]] {
        guard answer.status.isOK, let rid = answer.result?.stringValue else { return [:] }
        return [rid: [alias]]
    }

    /// The alias maps of clients read as their owners, one request per owner, all at once.
    private static func aliasMaps(_ owners: [String: [String]], context: CommandContext) async throws -> [String: [String: [String]]] {
        guard !owners.isEmpty else { return [:] }
        let clients = try owners.keys.map { owner in (owner, try context.client(actingAs: owner)) }
        return try await withThrowingTaskGroup(of: [String: [String: [String]]].self) { group in
            for (owner, client) in clients {
                let owned = owners[owner] ?? []
                group.addTask {
                    let answers = try await client.batch(owned.map { .info(.rid($0), options: [.aliases]) })
                    var maps: [String: [String: [String]]] = [:]
                    for (rid, answer) in zip(owned, answers) where answer.status.isOK { maps[rid] = Child.aliasLists(answer.result) }
                    return maps
                }
            }
            var all: [String: [String: [String]]] = [:]
            for try await maps in group { all.merge(maps) { first, _ in first } }
            return all
        }
    }
}

/// A client of the level being walked, with its listing and the aliases it maps when known.
private struct ListedClient {
    let rid: String
    let listing: JSON?
    let aliases: [String: [String]]?
    let depth: Int
}

/// What the walk found so far, by RID.
private struct WalkState {
    var resources: [String: SubtreeResource] = [:]
    var children: [String: [String]] = [:]
    /// Each client's aliases: alias lists by the RID they name.
    var aliasMaps: [String: [String: [String]]] = [:]

    func build(under parent: String) -> [SubtreeResource] {
        let built = (children[parent] ?? []).compactMap { rid -> SubtreeResource? in
            guard var resource = resources[rid] else { return nil }
            resource.children = build(under: rid)
            return resource
        }
        return SubtreeResource.ordered(built)
    }

    /// Gives every resource the aliases its owner maps to it, then orders again by them.
    func named(_ children: [SubtreeResource], under parent: String) -> [SubtreeResource] {
        let map = aliasMaps[parent] ?? [:]
        return SubtreeResource.ordered(
            children.map { child in
                var child = child
                child.aliases = map[child.rid] ?? []
                child.children = named(child.children, under: child.rid)
                return child
            })
    }
}

extension Child {
    /// Every alias of an `info` aliases answer, grouped by the RID it names.
    static func aliasLists(_ info: JSON?) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for (rid, names) in info?["aliases"]?.objectValue ?? [:] {
            result[rid] = (names.arrayValue ?? []).compactMap(\.stringValue)
        }
        return result
    }
}
