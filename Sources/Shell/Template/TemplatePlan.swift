import OnePJSON

/// What `template apply` does to make a client match a template, worked out whole before
/// anything changes: what to create (whole subtrees, under the client that is to own them), which
/// description fields to update, which aliases to map, which initial values to write; and what
/// stands in the way (a format the platform cannot change, an alias another resource holds).
struct TemplatePlan {
    /// One change, as `apply` prints it.
    struct Step: Sendable {
        var action: String
        var path: String
        var type: String
        var detail: String
    }

    struct Creation {
        /// Where the new subtrees go, below the target: the existing clients on the way.
        var owner: [PathSegment]
        var ownerRID: String
        /// Resources with made-up RIDs and the descriptions to create them with.
        var roots: [SubtreeResource]
    }

    struct Update {
        var rid: String
        var fields: JSONObject
        /// The same fields as they were, to put back if a later step fails.
        var previous: JSONObject
    }

    var creations: [Creation] = []
    var updates: [Update] = []
    var maps: [(owner: String, rid: String, alias: String)] = []
    var tags: [(rid: String, tag: String)] = []
    /// Initial values, by real RID or by the made-up RID of a resource to be created.
    var writes: [(rid: String, value: JSON)] = []
    var steps: [Step] = []
    /// What stands in the way, one line each: when any, nothing changes.
    var refusals: [String] = []
    /// Differences of values apply does not touch (a value out of range stays what the device wrote).
    var unfixable: [SubtreeComparison.Difference] = []

    init(_ match: TemplateMatch) {
        let paired = SubtreeComparison.correspondence(match.client, match.tree.root)
        var planner = Planner(match: match, paired: paired)
        planner.update(match.client, toward: match.tree.root, in: match.client, path: ".")
        planner.visit(match.client, match.tree.root, path: "", owner: [])
        self = planner.plan
        // A missing value apply writes (when the template gives one); a wrong one stays.
        unfixable = match.differences.filter { $0.field == "value" && !($0.left?.isNull ?? true) }
    }

    fileprivate init() {}

    var isEmpty: Bool { creations.isEmpty && updates.isEmpty && maps.isEmpty && tags.isEmpty && writes.isEmpty }
}

/// Walks the client and the template side by side, filling a plan.
private struct Planner {
    let match: TemplateMatch
    /// Client RID by made-up RID, for what exists.
    let paired: [String: String]
    var plan = TemplatePlan()

    init(match: TemplateMatch, paired: [String: String]) {
        self.match = match
        self.paired = paired
    }

    mutating func visit(_ client: SubtreeResource, _ wanted: SubtreeResource, path: String, owner: [PathSegment]) {
        var roots: [SubtreeResource] = []
        for (have, want) in SubtreeComparison.pair(client.children, wanted.children) {
            switch (have, want) {
            case (nil, let want?):
                let childPath = SubtreePaths.join(path, SubtreePaths.segment(for: want, among: wanted.children))
                if let alias = want.aliases.first, let holder = client.children.first(where: { $0.aliases.contains(alias) }) {
                    refuse(want, "its alias '\(alias)' already names the \(holder.type) '\(SubtreeReferences.label(holder))' here")
                    continue
                }
                roots.append(creating(want, path: childPath))
            case (let have?, let want?):
                let segment = SubtreePaths.segment(for: have, among: client.children)
                let childPath = SubtreePaths.join(path, segment)
                update(have, toward: want, in: client, path: childPath)
                if have.isClient { visit(have, want, path: childPath, owner: owner + [PathSegment(rid: have.rid, name: segment)]) }
            default: break
            }
        }
        if !roots.isEmpty { plan.creations.append(.init(owner: owner, ownerRID: client.rid, roots: roots)) }
    }

    /// A resource to create with everything under it: the descriptions to create them with,
    /// references to resources that exist already turned into their RIDs.
    mutating func creating(_ want: SubtreeResource, path: String) -> SubtreeResource {
        var resource = want
        let item = match.tree.resources[want.rid]
        if let item {
            var description = item.creatingDescription
            for key in ["subscribe", "preprocess"] { description[key] = want.description[key].map(real) }
            resource.description = description
            if let initial = item.initial { plan.writes.append((want.rid, initial)) }
        }
        plan.steps.append(.init(action: "create", path: path, type: item?.isScript == true ? "script" : want.type, detail: ""))
        resource.children = []
        for child in want.children {
            resource.children.append(creating(child, path: SubtreePaths.join(path, SubtreePaths.segment(for: child, among: want.children))))
        }
        return resource
    }

    mutating func update(_ have: SubtreeResource, toward want: SubtreeResource, in client: SubtreeResource, path: String) {
        guard let item = match.tree.resources[want.rid] else { return }
        var fields = JSONObject()
        var previous = JSONObject()
        for (key, wantedValue) in want.description {
            let current = have.description[key]
            if key == "format" {
                if wantedValue != current {
                    refuse(want, "it is \(current.map(TemplateMatch.text) ?? "?") here and a format cannot change: drop it, or change the template")
                }
                continue
            }
            guard let value = desired(key, wantedValue, current: current, item: item) else { continue }
            fields[key] = value
            previous[key] = current ?? .null
        }
        let type = item.isScript ? "script" : have.type
        if !fields.isEmpty {
            plan.updates.append(.init(rid: have.rid, fields: fields, previous: previous))
            let names = fields.keys.map { $0 == "rule" && item.isScript ? "script" : $0 }
            plan.steps.append(.init(action: "update", path: path, type: type, detail: names.joined(separator: ", ")))
        }
        if let alias = item.alias, !have.aliases.contains(alias) {
            if let holder = client.children.first(where: { $0.aliases.contains(alias) }) {
                refuse(want, "its alias '\(alias)' already names the \(holder.type) '\(SubtreeReferences.label(holder))' here")
            } else {
                plan.maps.append((client.rid, have.rid, alias))
                plan.steps.append(.init(action: "map", path: path, type: type, detail: alias))
            }
        }
        for tag in item.tags where !have.tags.contains(tag) {
            plan.tags.append((have.rid, tag))
            plan.steps.append(.init(action: "tag", path: path, type: type, detail: tag))
        }
        if let initial = item.initial, case .some(.none) = match.latest[have.rid] {
            plan.writes.append((have.rid, initial))
            plan.steps.append(.init(action: "write", path: path, type: type, detail: TemplateMatch.text(initial)))
        }
    }

    /// The value to update a field to, or nil when it already is what the template asks:
    /// objects (retention, limits, a rule's settings, meta holding JSON) take the template's keys
    /// and keep the others.
    func desired(_ key: String, _ wanted: JSON, current: JSON?, item: TemplateResource) -> JSON? {
        // JSON reads a bare `nil` as JSON's null: say `.none` for "no change".
        switch key {
        case "subscribe", "preprocess":
            let value = real(wanted)
            return value == current.map(Self.lowered) ? .none : .some(value)
        case "meta":
            guard item.fields["meta"] == nil, let wantedMeta = try? JSON(parsing: wanted.stringValue ?? "") else {
                return wanted == current ? .none : .some(wanted)
            }
            let have = (try? JSON(parsing: current?.stringValue ?? "")).flatMap { $0.objectValue.map(JSON.object) } ?? .object([:])
            let merged = Self.merged(have, wantedMeta)
            return merged == have ? .none : .some(.string(merged.serialized()))
        case "rule" where item.isScript:
            let source = wanted["script"]?.stringValue ?? ""
            return ScriptSource.sameScript(current?["script"]?.stringValue ?? "", source) ? .none : .some(wanted)
        default:
            let merged = current.map { Self.merged($0, wanted) } ?? wanted
            return merged == current ? .none : .some(merged)
        }
    }

    /// Made-up RIDs of resources that exist turned into their RIDs; those of resources to be
    /// created stay until they are.
    func real(_ value: JSON) -> JSON {
        switch value {
        case .string(let rid): return .string(paired[rid] ?? rid)
        case .array(let items): return .array(items.map(real))
        default: return value
        }
    }

    static func lowered(_ value: JSON) -> JSON {
        switch value {
        case .string(let text) where ResourcePath.isRID(text): return .string(text.lowercased())
        case .array(let items): return .array(items.map(lowered))
        default: return value
        }
    }

    /// `wanted` laid over `current`: objects key by key, anything else replaced.
    static func merged(_ current: JSON, _ wanted: JSON) -> JSON {
        guard var object = current.objectValue, let overlay = wanted.objectValue else { return wanted }
        for (key, value) in overlay { object[key] = object[key].map { merged($0, value) } ?? value }
        return .object(object)
    }

    mutating func refuse(_ want: SubtreeResource, _ reason: String) {
        let item = match.tree.resources[want.rid]
        let place = item.map { "\(match.template.path):\($0.line)" } ?? match.template.path
        plan.refusals.append("\(place): \(item?.label ?? want.type): \(reason)")
    }
}
