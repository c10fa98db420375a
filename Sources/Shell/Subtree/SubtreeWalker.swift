import OneP
import OnePJSON

/// Reads a whole subtree level by level, so the requests grow with its depth and never with its
/// size: one request describes the start and lists it, then one request per level describes
/// everything the last listings found and, in the same request, lists the clients among them
/// and reads the aliases each maps.
///
/// The walk acts as the start client. rpc.md lets only a client and its owner read the aliases
/// the client maps: to anyone else `info` answers "undefined" in place of each list (the hosted
/// platform) or leaves the section out (this one). A client whose map comes back unreadable is
/// read again as its owner, one request per owner, sent at once: so clients two or more levels
/// down cost one request per client that owns them, unless the platform's answer shows that
/// they map nothing (an empty map, which the hosted platform's "undefined" form allows). Looking
/// up one alias by name needs no such request: `lookup [client, "alias", name]` works for any
/// client below the caller (``aliasLookup``).
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
        var level: [ListedClient] = [ListedClient(rid: start.rid, parent: nil, listing: listing, depth: 0)]
        while !level.isEmpty {
            try Task.checkCancellation()
            let depth = level[0].depth + 1
            var found: [(parent: String, rid: String, type: String)] = []
            for client in level {
                for child in Child.listed(client.listing) { found.append((client.rid, child.rid, child.type)) }
            }
            // The clients found are listed in the same request, unless the walk stops at this level.
            let descends = maxDepth.map { depth < $0 } ?? true
            let clients = descends ? found.filter { $0.type == "client" } : []
            var calls: [Call] = found.map { .info(.rid($0.rid), options: described) }
            calls += clients.map { .listing(.rid($0.rid), types: ResourceType.all, options: .init(owned: true)) }
            // The aliases (or the one alias looked for) of the clients listed, and at the first level the start's own.
            var named = clients.map(\.rid)
            if depth == 1 { named.append(start.rid) }
            if readsEveryAlias { calls += named.map { .info(.rid($0), options: [.aliases]) } }
            if let aliasLookup { calls += named.map { .lookup(.rid($0), .alias(aliasLookup)) } }
            let answers = calls.isEmpty ? [] : try await acting.batch(calls)

            let aliasAnswers = answers.dropFirst(found.count + clients.count)
            let owners = Dictionary(clients.map { ($0.rid, $0.parent) }) { first, _ in first }
            var unreadable: [String: [String]] = [:]
            for (rid, answer) in zip(named, aliasAnswers) {
                if let aliasLookup {
                    state.aliasMaps[rid] = Self.lookedUp(aliasLookup, answer)
                } else if let map = Self.aliasMap(answer) {
                    state.aliasMaps[rid] = map
                } else if let parent = owners[rid] {
                    unreadable[parent, default: []].append(rid)
                }
            }
            for (index, item) in found.enumerated() {
                // A resource dropped since the listing is simply no longer there.
                guard answers[index].status.isOK else { continue }
                state.resources[item.rid] = SubtreeResource(rid: item.rid, type: item.type, info: answers[index].result)
                state.children[item.parent, default: []].append(item.rid)
            }
            state.aliasMaps.merge(try await Self.aliasMaps(unreadable, context: context)) { _, read in read }
            var next: [ListedClient] = []
            for (index, client) in clients.enumerated() where state.resources[client.rid] != nil {
                let listed = try answers[found.count + index].get()
                next.append(ListedClient(rid: client.rid, parent: client.parent, listing: listed, depth: depth))
            }
            level = next
        }
        root.children = state.build(under: start.rid, naming: readsAliases || aliasLookup != nil)
        return root
    }

    /// The alias lists of an `info` aliases answer by the RID they name, or nil when the caller may
    /// not read them: the call failed, the answer leaves the section out (as this platform does for
    /// anyone but the client and its owner), or it says "undefined" in place of a list (as rpc.md
    /// documents for the hosted platform).
    private static func aliasMap(_ answer: CallResult) -> [String: [String]]? {
        guard answer.status.isOK, let entries = answer.result?["aliases"]?.objectValue else { return nil }
        guard entries.allSatisfy({ $0.value.arrayValue != nil }) else { return nil }
        return Child.aliasLists(answer.result)
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

/// A client of the level being walked, with its listing.
private struct ListedClient {
    let rid: String
    let parent: String?
    let listing: JSON?
    let depth: Int
}

/// What the walk found so far, by RID.
private struct WalkState {
    var resources: [String: SubtreeResource] = [:]
    var children: [String: [String]] = [:]
    /// Each client's aliases: alias lists by the RID they name.
    var aliasMaps: [String: [String: [String]]] = [:]

    /// The resources under `parent`, each with its subtree and, when `naming`, the aliases its
    /// owner maps to it, in ``SubtreeResource/ordered(_:)`` order.
    func build(under parent: String, naming: Bool) -> [SubtreeResource] {
        let map = naming ? aliasMaps[parent] ?? [:] : [:]
        let built = (children[parent] ?? []).compactMap { rid -> SubtreeResource? in
            guard var resource = resources[rid] else { return nil }
            if naming { resource.aliases = map[rid] ?? [] }
            resource.children = build(under: rid, naming: naming)
            return resource
        }
        return SubtreeResource.ordered(built)
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
