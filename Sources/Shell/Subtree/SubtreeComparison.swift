import OnePJSON

/// The differences between two subtrees: resources only in one of them, and fields that differ
/// between resources that correspond. Children correspond by type and alias first, then by type
/// and name; references (`subscribe`, preprocess operands) compare by what they point at within
/// each subtree, not by RID.
struct SubtreeComparison {
    struct Difference: Equatable {
        enum Change: String { case removed, added, changed }
        var change: Change
        /// Where, relative to the compared roots; empty for the roots themselves.
        var path: String
        var type: String
        /// The differing field (`format`, `retention.count`, `aliases`); nil for a whole resource.
        var field: String?
        var left: JSON?
        var right: JSON?
    }

    /// Whether the right side says only what it cares about (a template): fields and resources
    /// it leaves out are not differences.
    var rightIsPartial = false
    /// Root fields left out of the comparison: two roots are usually named differently.
    var ignoredRootFields: Set<String> = ["name"]

    func differences(_ left: SubtreeResource, _ right: SubtreeResource) -> [Difference] {
        let leftNames = Self.referenceNames(left)
        // A reference on the right names what it points at by the path of the left resource that
        // corresponds, so both sides agree however each names its resources.
        var rightNames = Self.referenceNames(right)
        for (rightRID, leftRID) in Self.correspondence(left, right) { rightNames[rightRID] = leftNames[leftRID] }
        var found: [Difference] = []
        func compare(_ a: SubtreeResource, _ b: SubtreeResource, path: String, isRoot: Bool) {
            for field in fieldDifferences(a, b, leftNames: leftNames, rightNames: rightNames, isRoot: isRoot) {
                found.append(Difference(change: .changed, path: path, type: a.type, field: field.name, left: field.left, right: field.right))
            }
            let pairs = Self.pair(a.children, b.children)
            for (child, other) in pairs {
                let childPath = SubtreePaths.join(path, SubtreePaths.segment(for: child ?? other!, among: child == nil ? b.children : a.children))
                switch (child, other) {
                case (let child?, let other?): compare(child, other, path: childPath, isRoot: false)
                case (let child?, nil):
                    if !rightIsPartial { found.append(Difference(change: .removed, path: childPath, type: child.type)) }
                case (nil, let other?): found.append(Difference(change: .added, path: childPath, type: other.type))
                default: break
                }
            }
        }
        compare(left, right, path: "", isRoot: true)
        return found
    }

    private func fieldDifferences(
        _ a: SubtreeResource, _ b: SubtreeResource, leftNames: [String: String], rightNames: [String: String], isRoot: Bool
    ) -> [(name: String, left: JSON?, right: JSON?)] {
        var left = Self.flatten(Self.comparable(a, names: leftNames, isRoot: isRoot, metaAsJSON: rightIsPartial))
        var right = Self.flatten(Self.comparable(b, names: rightNames, isRoot: isRoot, metaAsJSON: rightIsPartial))
        if isRoot {
            for field in ignoredRootFields { left[field] = nil; right[field] = nil }
        }
        var keys = left.keys
        for key in right.keys where left[key] == nil { keys.append(key) }
        var fields: [(String, JSON?, JSON?)] = []
        for key in keys {
            let l = left[key]
            let r = right[key]
            if rightIsPartial {
                // A template names what must be there: its aliases and tags among the resource's.
                guard let r else { continue }
                if key == "aliases" || key == "tags", let wanted = r.arrayValue, Set(wanted).isSubset(of: l?.arrayValue ?? []) { continue }
                // `script restart` adds or takes away one trailing space.
                if key == "rule.script", let l = l?.stringValue, let r = r.stringValue, ScriptSource.sameScript(l, r) { continue }
            }
            if l != r { fields.append((key, l, r)) }
        }
        return fields
    }

    /// What is compared of a resource: its description with references named, its aliases
    /// (not for a root, whose owner lies outside), tags and comments.
    /// - Parameter metaAsJSON: meta that holds a JSON object compares key by key (templates
    ///   name only some keys), with a `unit` or `description` at its top read as the
    ///   `datasource` ones, where Portals and exoline keep them.
    static func comparable(_ resource: SubtreeResource, names: [String: String], isRoot: Bool, metaAsJSON: Bool = false) -> JSONObject {
        var description = resource.description
        if metaAsJSON, let text = description["meta"]?.stringValue, var meta = (try? JSON(parsing: text))?.objectValue {
            var datasource = meta["datasource"]?.objectValue ?? [:]
            for key in ["unit", "description"] where datasource[key] == nil && meta[key]?.stringValue != nil {
                datasource[key] = meta[key]
                meta[key] = nil
            }
            if !datasource.isEmpty { meta["datasource"] = .object(datasource) }
            description["meta"] = .object(meta)
        }
        func named(_ value: JSON) -> JSON {
            guard let rid = value.stringValue?.lowercased(), ResourcePath.isRID(rid) else { return value }
            return .string(names[rid].map { "→ " + $0 } ?? rid)
        }
        if let subscribe = description["subscribe"] { description["subscribe"] = named(subscribe) }
        if let steps = description["preprocess"]?.arrayValue {
            description["preprocess"] = .array(steps.map { step in .array((step.arrayValue ?? []).enumerated().map { $0 == 1 ? named($1) : $1 }) })
        }
        var object = description
        if !isRoot, !resource.aliases.isEmpty { object["aliases"] = .array(resource.aliases.sorted().map(JSON.string)) }
        if !resource.tags.isEmpty { object["tags"] = .array(resource.tags.sorted().map(JSON.string)) }
        if !resource.comments.isEmpty { object["comments"] = .array(resource.comments) }
        return object
    }

    /// Nested objects as dotted keys (`retention.count`); lists and other values whole.
    static func flatten(_ object: JSONObject, prefix: String = "") -> JSONObject {
        var flat = JSONObject()
        for (key, value) in object {
            if let nested = value.objectValue, !nested.isEmpty {
                for (inner, innerValue) in flatten(nested, prefix: prefix + key + ".") { flat[inner] = innerValue }
            } else {
                flat[prefix + key] = value
            }
        }
        return flat
    }

    /// How references to resources of a subtree are shown: their path in it.
    static func referenceNames(_ root: SubtreeResource) -> [String: String] {
        var names: [String: String] = [root.rid: "."]
        for entry in SubtreePaths.entries(of: root) { names[entry.resource.rid] = entry.path }
        return names
    }

    /// The left RID each right resource corresponds to, at every depth.
    static func correspondence(_ left: SubtreeResource, _ right: SubtreeResource) -> [String: String] {
        var found = [right.rid: left.rid]
        for case (let a?, let b?) in pair(left.children, right.children) {
            found.merge(correspondence(a, b)) { first, _ in first }
        }
        return found
    }

    /// Children that correspond, and those on one side only: by type and a shared alias, then
    /// by type and name.
    static func pair(_ left: [SubtreeResource], _ right: [SubtreeResource]) -> [(SubtreeResource?, SubtreeResource?)] {
        var unmatchedRight = Array(right.indices)
        var pairs: [(SubtreeResource?, SubtreeResource?)] = []
        var leftover: [SubtreeResource] = []
        for item in left {
            if let position = unmatchedRight.firstIndex(where: { index in
                right[index].type == item.type && !Set(right[index].aliases).isDisjoint(with: item.aliases)
            }) {
                pairs.append((item, right[unmatchedRight.remove(at: position)]))
            } else {
                leftover.append(item)
            }
        }
        for item in leftover {
            if let position = unmatchedRight.firstIndex(where: { index in
                right[index].type == item.type && right[index].name == item.name && (right[index].aliases.isEmpty || item.aliases.isEmpty)
            }) {
                pairs.append((item, right[unmatchedRight.remove(at: position)]))
            } else {
                pairs.append((item, nil))
            }
        }
        for index in unmatchedRight { pairs.append((nil, right[index])) }
        return pairs
    }
}
