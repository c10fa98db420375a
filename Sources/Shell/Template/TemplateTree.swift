import OnePJSON

/// A template as a subtree, so the subtree commands' comparison serves it: a client whose
/// resources carry made-up RIDs and the template's fields as their descriptions, with
/// references (`subscribe`, preprocess operands) that name a sibling turned into its made-up RID.
struct TemplateTree {
    let root: SubtreeResource
    /// The template resource behind each made-up RID.
    let resources: [String: TemplateResource]

    /// - Throws: ``ShellError`` naming `FILE:LINE` for an alias given twice in one client or a
    ///   reference to nothing the client's template holds.
    init(_ template: Template) throws(ShellError) {
        var state = State(path: template.path)
        var root = SubtreeResource(rid: State.madeRID(0), type: "client")
        root.children = try state.build(template.resources)
        if let limits = template.limits {
            // The device's own limits: the client the template is for is compared and updated
            // like any client the template lists.
            root.description["limits"] = limits
            state.resources[root.rid] = TemplateResource(type: "client", line: template.limitsLine, fields: ["limits": limits])
        }
        self.root = root
        resources = state.resources
    }

    /// Whether a RID is one this tree made up.
    static func isMadeUp(_ rid: String) -> Bool { rid.hasPrefix(State.prefix) }

    private struct State {
        let path: String
        var resources: [String: TemplateResource] = [:]
        var count = 0
        static let prefix = "7e3f1a7e"

        static func madeRID(_ number: Int) -> String {
            let digits = String(number, radix: 16)
            return prefix + String(repeating: "0", count: 32 - digits.count) + digits
        }

        mutating func build(_ items: [TemplateResource]) throws(ShellError) -> [SubtreeResource] {
            var built: [SubtreeResource] = []
            var byAlias: [String: String] = [:]
            var byName: [String: [String]] = [:]
            for item in items {
                count += 1
                let rid = Self.madeRID(count)
                if let alias = item.alias {
                    guard byAlias[alias] == nil else {
                        throw ShellError.failed("\(path):\(item.line): the alias '\(alias)' is given twice in one client")
                    }
                    byAlias[alias] = rid
                }
                if let name = item.name ?? item.alias { byName[name, default: []].append(rid) }
                var resource = SubtreeResource(rid: rid, type: item.type, description: item.fields)
                if let name = item.name { resource.description["name"] = .string(name) }
                if !item.datasource.isEmpty {
                    resource.description["meta"] = .string(JSON.object(["datasource": .object(item.datasource)]).serialized())
                }
                resource.aliases = item.alias.map { [$0] } ?? []
                resource.tags = item.tags
                resources[rid] = item
                resource.children = try build(item.children)
                built.append(resource)
            }
            func target(_ value: JSON, of item: TemplateResource, _ field: String) throws(ShellError) -> JSON {
                guard let text = value.stringValue else { return value }
                if ResourcePath.isRID(text) { return .string(text.lowercased()) }
                if let rid = byAlias[text] { return .string(rid) }
                if let rids = byName[text], rids.count == 1 { return .string(rids[0]) }
                throw ShellError.failed(
                    "\(path):\(item.line): \(field) of \(item.label) names '\(text)', which is no alias or name in this client's template: "
                        + "add it, or give a RID")
            }
            for index in built.indices {
                let item = items[index]
                if let subscribe = built[index].description["subscribe"], !subscribe.isNull {
                    built[index].description["subscribe"] = try target(subscribe, of: item, "subscribe")
                }
                if let steps = built[index].description["preprocess"]?.arrayValue {
                    var resolved: [JSON] = []
                    for step in steps {
                        resolved.append([step[0] ?? .null, try target(step[1] ?? .null, of: item, "preprocess")])
                    }
                    built[index].description["preprocess"] = .array(resolved)
                }
            }
            return built
        }
    }
}
