import OnePJSON

/// The references between resources of a subtree that a copy must rewrite: `subscribe` and the
/// RID operands of `preprocess`; and those it cannot, RIDs written into script source.
enum SubtreeReferences {
    /// The RIDs a resource's description refers to: its subscription and its preprocess operands.
    static func referenced(_ description: JSONObject) -> [String] {
        var found: [String] = []
        if let rid = description["subscribe"]?.stringValue, ResourcePath.isRID(rid) { found.append(rid.lowercased()) }
        for step in description["preprocess"]?.arrayValue ?? [] {
            if let rid = step[1]?.stringValue, ResourcePath.isRID(rid) { found.append(rid.lowercased()) }
        }
        return found
    }

    /// `subscribe` and `preprocess` with every RID of the subtree replaced by the new one; RIDs
    /// outside it are kept when `keepsOutside`, else left out (and named in `dropped`).
    static func remapped(_ description: JSONObject, _ map: [String: String], keepsOutside: Bool, dropped: inout [String]) -> JSONObject {
        var fields = JSONObject()
        func rewrite(_ value: JSON) -> JSON? {
            guard let rid = value.stringValue, ResourcePath.isRID(rid) else { return value }
            if let new = map[rid.lowercased()] { return .string(new) }
            if keepsOutside { return value }
            dropped.append(rid)
            return nil
        }
        if let subscribe = description["subscribe"], !subscribe.isNull {
            if let value = rewrite(subscribe) { fields["subscribe"] = value }
        }
        if let steps = description["preprocess"]?.arrayValue, !steps.isEmpty {
            var kept: [JSON] = []
            for step in steps {
                guard let operation = step[0], let operand = step[1] else { continue }
                if let value = rewrite(operand) { kept.append([operation, value]) }
            }
            fields["preprocess"] = .array(kept)
        }
        return fields
    }

    /// A cycle of subscriptions among the resources, as the names along it, or nil.
    static func subscriptionCycle(in resources: [SubtreeResource]) -> [String]? {
        let byRID = Dictionary(resources.map { ($0.rid, $0) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        func visit(_ rid: String) -> [String]? {
            if state[rid] == 2 { return nil }
            if state[rid] == 1, let start = path.firstIndex(of: rid) { return Array(path[start...]) + [rid] }
            state[rid] = 1
            path.append(rid)
            if let next = byRID[rid]?.description["subscribe"]?.stringValue?.lowercased(), byRID[next] != nil, let cycle = visit(next) {
                return cycle
            }
            path.removeLast()
            state[rid] = 2
            return nil
        }
        for resource in resources {
            if let cycle = visit(resource.rid) { return cycle.map { label(byRID[$0]) } }
        }
        return nil
    }

    /// RIDs of the subtree that a script names in its source: they cannot be rewritten.
    static func ridsInScripts(_ resources: [SubtreeResource]) -> [(script: String, rid: String)] {
        let rids = Set(resources.map(\.rid))
        var found: [(String, String)] = []
        for resource in resources {
            guard let source = resource.script else { continue }
            for rid in hexRuns(in: source) where rids.contains(rid) { found.append((label(resource), rid)) }
        }
        return found
    }

    static func label(_ resource: SubtreeResource?) -> String {
        guard let resource else { return "?" }
        if !resource.name.isEmpty { return resource.name }
        return resource.aliases.first ?? resource.rid
    }

    /// Runs of exactly 40 hex digits, lowercased.
    private static func hexRuns(in text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for character in text + " " {
            if character.isHexDigit, character.isASCII {
                current.append(character)
            } else {
                if current.count == 40 { runs.append(current.lowercased()) }
                current = ""
            }
        }
        return runs
    }
}
