import OneP
import OnePJSON
import Synchronization

/// Where names lead under each client, as the session learnt it: the RIDs a client's aliases name
/// and, once the client was listed, its children by name. A path whose every segment is known
/// resolves without asking the platform, so a command on a known path sends one request: its own.
///
/// The batched lookups of path resolution, `ls` and `tree` fill it; the shell's own changes keep it
/// true (``apply(_:me:)`` reads every call that succeeded); and the runner forgets what a command
/// used when the platform refuses a RID from it, since another client may have changed things.
final class PathCache: Sendable {
    /// What is known under one client that was listed: every child, with its name and type, and
    /// every alias of the client.
    struct Level: Sendable {
        var children: [Child] {
            didSet { known = nil }
        }
        /// RIDs by description name (several when names repeat).
        var byName: [String: [String]]
        /// The RID each alias names.
        var aliases: [String: String]
        /// The children as completion offers them, made once per change of the children.
        var known: [KnownChild]?

        init(children: [Child], aliases: [String: String]) {
            self.children = children
            self.aliases = aliases
            byName = [:]
            for child in children { byName[child.name, default: []].append(child.rid) }
        }
    }

    private struct State {
        var levels: [String: Level] = [:]
        /// Aliases learnt one by one under clients not listed whole: client RID → alias → RID.
        var aliases: [String: [String: String]] = [:]
        /// Clients in the order they were learnt, to forget the oldest past ``capacity``.
        var order: [String] = []
    }

    /// How many clients' names are kept.
    static let capacity = 4096

    private let state = Mutex(State())

    // MARK: Reading

    /// The segment `name` leads to under `parent`, read as path resolution reads it (an alias
    /// first, then a RID, then the one child with that name); nil when that is not known.
    func segment(named name: String, under parent: String) -> PathSegment? {
        state.withLock { state in
            if let level = state.levels[parent] {
                if let rid = level.aliases[name] { return PathSegment(rid: rid, name: name) }
                if ResourcePath.isRID(name) { return PathSegment(rid: name.lowercased(), name: name.lowercased()) }
                // No match, or several, may be out of date: the platform is asked again.
                guard let rids = level.byName[name], rids.count == 1 else { return nil }
                return PathSegment(rid: rids[0], name: name)
            }
            return state.aliases[parent]?[name].map { PathSegment(rid: $0, name: name) }
        }
    }

    /// The children of a listed client, as completion offers them; nil when it was not listed.
    func knownChildren(of parent: String) -> [KnownChild]? {
        state.withLock { state in
            guard let level = state.levels[parent] else { return nil }
            if let known = level.known { return known }
            let known = level.children.map(\.known)
            state.levels[parent]?.known = known
            return known
        }
    }

    /// The format of `rid` (`integer`, `float`, `string`) when it is a known child of `parent`;
    /// formats never change, so what was learned stays true.
    func format(of rid: String, under parent: String) -> String? {
        state.withLock { state in state.levels[parent]?.children.first { $0.rid == rid }?.format }
    }

    // MARK: Learning

    func learn(alias: String, names rid: String, under parent: String) {
        state.withLock { state in
            if state.levels[parent] != nil {
                state.levels[parent]?.aliases[alias] = rid
            } else {
                if state.aliases[parent] == nil { Self.remember(parent, in: &state) }
                state.aliases[parent, default: [:]][alias] = rid
            }
        }
    }

    /// Everything under `parent`: its children and its aliases (alias → RID).
    func learn(children: [Child], aliases: [String: String], under parent: String) {
        state.withLock { state in
            if state.levels[parent] == nil, state.aliases[parent] == nil { Self.remember(parent, in: &state) }
            state.aliases[parent] = nil
            state.levels[parent] = Level(children: children, aliases: aliases)
        }
    }

    private static func remember(_ parent: String, in state: inout State) {
        state.order.append(parent)
        guard state.order.count > capacity else { return }
        let oldest = state.order.removeFirst()
        state.levels[oldest] = nil
        state.aliases[oldest] = nil
    }

    // MARK: Forgetting

    /// Forgets what is known under these clients.
    func forget(parents: some Sequence<String>) {
        state.withLock { state in
            for parent in parents {
                state.levels[parent] = nil
                state.aliases[parent] = nil
            }
        }
    }

    func removeAll() {
        state.withLock { $0 = State() }
    }

    /// Keeps the cache true after calls that succeeded: creates add children, drops and moves
    /// remove them, map and unmap change aliases, an update of a name renames.
    /// - Parameter me: the RID the calls' `{"alias": ""}` stands for (the client they act as).
    func apply(_ results: [CallResult], me: String?) {
        state.withLock { state in
            for result in results where result.status.isOK {
                Self.apply(result, me: me, to: &state)
            }
        }
    }

    private static func apply(_ result: CallResult, me: String?, to state: inout State) {
        let arguments = result.call.arguments
        func rid(_ json: JSON?) -> String? {
            guard let json else { return nil }
            if let text = json.stringValue { return text.lowercased() }
            if json["alias"]?.stringValue == "" { return me }
            return nil
        }
        switch result.call.procedure {
        case "create":
            guard let parent = rid(arguments.first) else { return state = State() }
            let type: String? = arguments.count > 1 ? arguments[1].stringValue : nil
            guard type != "clone", let type, let new = result.result?.stringValue, state.levels[parent] != nil else {
                return forget(parent, in: &state)
            }
            let description: JSON? = arguments.count > 2 ? arguments[2] : nil
            let child = Child(rid: new, type: type, info: description.map { ["description": $0] }, alias: nil)
            state.levels[parent]?.children.append(child)
            state.levels[parent]?.byName[child.name, default: []].append(new)
        case "drop":
            guard let dropped = rid(arguments.first) else { return state = State() }
            remove(dropped, from: &state)
        case "move":
            guard let moved = rid(arguments.first), arguments.count > 1, let destination = rid(arguments[1]) else {
                return state = State()
            }
            detach(moved, from: &state)
            forget(destination, in: &state)
        case "map":
            guard let me, arguments.count > 2, let target = rid(arguments[1]), let alias = arguments[2].stringValue else {
                return state = State()
            }
            if var level = state.levels[me] {
                level.aliases[alias] = target
                if let index = level.children.firstIndex(where: { $0.rid == target && $0.alias == nil }) { level.children[index].alias = alias }
                state.levels[me] = level
            } else if state.aliases[me] != nil {
                state.aliases[me]?[alias] = target
            }
        case "unmap":
            guard let client = rid(arguments.first), arguments.count > 2, let alias = arguments[2].stringValue else { return state = State() }
            state.levels[client]?.aliases[alias] = nil
            state.aliases[client]?[alias] = nil
        case "update":
            guard let updated = rid(arguments.first) else { return state = State() }
            if arguments.count > 1, let name = arguments[1]["name"]?.stringValue { rename(updated, to: name, in: &state) }
            if arguments.count > 1, let rule = arguments[1]["rule"] { change(updated, toScript: Child.isScript(rule: rule), in: &state) }
        case "read", "info", "listing", "lookup", "wait", "usage", "write", "writegroup", "record", "recordbatch", "flush", "comment",
            "tag", "share", "activate", "deactivate", "revoke", "grant":
            return
        default:
            // A procedure this cache does not know might change names: forget them all.
            state = State()
        }
    }

    private static func forget(_ parent: String, in state: inout State) {
        state.levels[parent] = nil
        state.aliases[parent] = nil
    }

    /// Takes `rid` out of the levels and aliases that list it.
    private static func detach(_ rid: String, from state: inout State) {
        for parent in Array(state.levels.keys) {
            guard var level = state.levels[parent], level.children.contains(where: { $0.rid == rid }) || level.aliases.values.contains(rid)
            else { continue }
            level.children.removeAll { $0.rid == rid }
            for (name, rids) in level.byName where rids.contains(rid) { level.byName[name] = rids.filter { $0 != rid } }
            for (alias, target) in level.aliases where target == rid { level.aliases[alias] = nil }
            state.levels[parent] = level
        }
        for parent in Array(state.aliases.keys) where state.aliases[parent]?.values.contains(rid) == true {
            state.aliases[parent] = state.aliases[parent]?.filter { $0.value != rid }
        }
    }

    /// A dropped resource and everything known under it.
    private static func remove(_ rid: String, from state: inout State) {
        detach(rid, from: &state)
        var gone = [rid]
        while let next = gone.popLast() {
            if let level = state.levels[next] { gone += level.children.filter { $0.type == "client" }.map(\.rid) }
            forget(next, in: &state)
        }
    }

    /// A datarule given a new rule: whether it is a script now.
    private static func change(_ rid: String, toScript isScript: Bool, in state: inout State) {
        for parent in Array(state.levels.keys) {
            guard let index = state.levels[parent]?.children.firstIndex(where: { $0.rid == rid && $0.type == "datarule" }) else { continue }
            state.levels[parent]?.children[index].isScript = isScript
        }
    }

    private static func rename(_ rid: String, to name: String, in state: inout State) {
        for parent in Array(state.levels.keys) {
            guard var level = state.levels[parent], let index = level.children.firstIndex(where: { $0.rid == rid }) else { continue }
            let old = level.children[index].name
            level.byName[old] = level.byName[old]?.filter { $0 != rid }
            level.children[index].name = name
            level.byName[name, default: []].append(rid)
            state.levels[parent] = level
        }
    }
}

/// One path cache per auth the session has used, so each auth's view of the names is its own.
final class PathCaches: Sendable {
    private let caches = Mutex<[Auth: PathCache]>([:])

    /// How many auths keep a cache; the oldest is dropped beyond it.
    static let capacity = 8

    func cache(for auth: Auth) -> PathCache {
        caches.withLock { caches in
            if let cache = caches[auth] { return cache }
            if caches.count >= Self.capacity, let any = caches.keys.first { caches[any] = nil }
            let cache = PathCache()
            caches[auth] = cache
            return cache
        }
    }

    func removeAll() {
        caches.withLock { $0 = [:] }
    }
}
