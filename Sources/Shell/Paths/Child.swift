import OnePJSON

/// A resource under a client, as `ls` and `tree` show it.
struct Child: Sendable, Equatable {
    var rid: String
    var type: String
    var name: String
    var format: String?
    var alias: String?
    /// Shared with the client and activated by it, not owned by it.
    var shared = false
    /// A datarule whose rule is a Lua script.
    var isScript = false

    /// Names first, then by RID; clients after everything else, as `tree` wants them.
    static func ordered(_ children: [Child]) -> [Child] {
        children.sorted { lhs, rhs in
            let lhsClient = lhs.type == "client"
            let rhsClient = rhs.type == "client"
            if lhsClient != rhsClient { return rhsClient }
            return (lhs.name, lhs.rid) < (rhs.name, rhs.rid)
        }
    }

    /// The RIDs of a listing answer, each with its type, in the platform's type order.
    static func listed(_ listing: JSON?) -> [(rid: String, type: String)] {
        var found: [(rid: String, type: String)] = []
        for type in ["client", "dataport", "datarule", "dispatch"] {
            for rid in listing?[type]?.arrayValue ?? [] {
                if let rid = rid.stringValue { found.append((rid, type)) }
            }
        }
        return found
    }

    /// The first alias of each RID in an `info` aliases answer.
    static func aliases(_ info: JSON?) -> [String: String] {
        var result: [String: String] = [:]
        for (rid, names) in info?["aliases"]?.objectValue ?? [:] {
            if let first = names.arrayValue?.first?.stringValue { result[rid] = first }
        }
        return result
    }

    init(rid: String, type: String, info: JSON?, alias: String?) {
        self.rid = rid
        self.type = type
        self.name = info?["description"]?["name"]?.stringValue ?? ""
        self.format = info?["description"]?["format"]?.stringValue
        self.alias = alias
        self.isScript = type == "datarule" && Child.isScript(rule: info?["description"]?["rule"])
    }

    /// Whether a datarule's rule is a Lua script.
    static func isScript(rule: JSON?) -> Bool {
        rule?["script"]?.stringValue != nil
    }

    var known: KnownChild { KnownChild(name: label, rid: rid, isClient: type == "client", alias: alias, isScript: isScript) }

    /// The name to show, falling back to the alias or RID for unnamed resources.
    var label: String {
        if !name.isEmpty { return name }
        return alias ?? rid
    }
}

extension Child {
    /// Every alias in an `info` aliases answer, with the RID it names.
    static func aliasTargets(_ info: JSON?) -> [String: String] {
        var result: [String: String] = [:]
        for (rid, names) in info?["aliases"]?.objectValue ?? [:] {
            for name in names.arrayValue ?? [] {
                if let alias = name.stringValue { result[alias] = rid }
            }
        }
        return result
    }
}
