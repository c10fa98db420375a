import OnePJSON
import Yams

/// Writes the template of a client as it is: what `template apply` needs to make another client
/// like it, and what `template check` then finds equal. Fields at the platform's defaults (empty
/// meta, not public, no preprocess, no subscription) are left out, and so not compared;
/// retention is always written. Meta in the `datasource` form exoline writes becomes `unit`,
/// `description`, `values` and `range`; any other meta stays text.
struct TemplateGenerator {
    /// Lines of the comment at the top.
    var header: [String] = []

    func yaml(of client: SubtreeResource) throws -> String {
        var skipped: [String] = []
        let body = sections(of: client, skipped: &skipped)
        var lines = header.map { "# " + $0 }
        for note in skipped { lines.append("# left out: " + note) }
        let text = body.isEmpty ? "{}\n" : try Yams.serialize(node: .mapping(.init(body)), width: -1, allowUnicode: true)
        return (lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n") + text
    }

    /// A client's resources as `dataports:`, `datarules:`, `scripts:`, `dispatches:`, `clients:`.
    private func sections(of client: SubtreeResource, skipped: inout [String]) -> [(Node, Node)] {
        var lists: [String: [Node]] = [:]
        for child in client.children {
            let section =
                child.script != nil
                ? "scripts" : ["dataport": "dataports", "datarule": "datarules", "dispatch": "dispatches"][child.type] ?? "clients"
            guard child.aliases.first != nil || !child.name.isEmpty else {
                skipped.append("a \(child.type) with neither alias nor name (\(child.rid)): a template finds resources by one of them")
                continue
            }
            lists[section, default: []].append(.mapping(.init(item(child, among: client.children, skipped: &skipped))))
        }
        return TemplateReader.sections.compactMap { section in
            lists[section].map { (Self.key(section), Node.sequence(.init($0))) }
        }
    }

    private func item(_ resource: SubtreeResource, among siblings: [SubtreeResource], skipped: inout [String]) -> [(Node, Node)] {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: JSON, flow: Bool = false) { pairs.append((Self.key(key), Self.node(value, flow: flow))) }
        let description = resource.description
        if let alias = resource.aliases.first { add("alias", .string(alias)) }
        if resource.aliases.count > 1 {
            skipped.append(
                "the aliases \(resource.aliases.dropFirst().joined(separator: ", ")) of '\(resource.aliases[0])': a template keeps one alias")
        }
        if !resource.name.isEmpty { add("name", .string(resource.name)) }
        if let source = resource.script {
            pairs.append((Self.key("code"), .scalar(.init(source.hasSuffix("\n") ? source : source + "\n", .implicit, .literal))))
        } else if let format = description["format"] {
            add("format", format)
        }
        addMeta(description["meta"]?.stringValue ?? "", to: &pairs)
        if description["public"]?.boolValue == true { add("public", true) }
        if description["locked"]?.boolValue == true { add("locked", true) }
        // Written even at the default, so a generated template pins how much history is kept.
        if let retention = description["retention"]?.objectValue { add("retention", .object(retention), flow: true) }
        if let steps = description["preprocess"]?.arrayValue, !steps.isEmpty {
            add("preprocess", .array(steps.map { step in [step[0] ?? .null, reference(step[1] ?? .null, among: siblings)] }), flow: true)
        }
        if let subscribe = description["subscribe"], !subscribe.isNull { add("subscribe", reference(subscribe, among: siblings)) }
        if resource.script == nil, let rule = description["rule"] { add("rule", rule, flow: true) }
        if !resource.tags.isEmpty { add("tags", .array(resource.tags.sorted().map(JSON.string)), flow: true) }
        for key in ["method", "recipient", "subject", "message"] {
            if let value = description[key]?.stringValue, !value.isEmpty { add(key, .string(value)) }
        }
        if resource.isClient {
            if let limits = description["limits"] { add("limits", limits, flow: true) }
            pairs += sections(of: resource, skipped: &skipped)
        }
        return pairs
    }

    /// `unit`, `description`, `values` and `range` when the meta is exactly what a template with
    /// them writes; else the meta as text.
    private func addMeta(_ meta: String, to pairs: inout [(Node, Node)]) {
        guard !meta.isEmpty else { return }
        if let object = (try? JSON(parsing: meta))?.objectValue, object.count == 1, let datasource = object["datasource"]?.objectValue,
            !datasource.isEmpty, datasource.keys.allSatisfy(["unit", "description", "values", "range"].contains),
            JSON.object(["datasource": .object(datasource)]).serialized() == meta
        {
            for (key, value) in datasource { pairs.append((Self.key(key), Self.node(value, flow: true))) }
            return
        }
        pairs.append((Self.key("meta"), Self.node(.string(meta), flow: false)))
    }

    /// A reference by what the template can name: a sibling's alias, else its name when no other
    /// sibling has it, else the RID.
    private func reference(_ value: JSON, among siblings: [SubtreeResource]) -> JSON {
        guard let rid = value.stringValue?.lowercased(), let target = siblings.first(where: { $0.rid == rid }) else { return value }
        if let alias = target.aliases.first { return .string(alias) }
        if !target.name.isEmpty, siblings.filter({ $0.name == target.name || $0.aliases.contains(target.name) }).count == 1 {
            return .string(target.name)
        }
        return value
    }

    static func key(_ text: String) -> Node { .scalar(.init(text)) }

    /// A JSON value as YAML; text that would read back as something else is quoted.
    static func node(_ value: JSON, flow: Bool) -> Node {
        switch value {
        case .null: return .scalar(.init("null"))
        case .bool(let flag): return .scalar(.init(flag ? "true" : "false"))
        case .int, .double, .bigNumber: return .scalar(.init(value.serialized()))
        case .string(let text):
            if text.contains("\n") { return .scalar(.init(text, .implicit, .literal)) }
            let plain = Node.scalar(.init(text))
            // `infinity` reads back as text (a template's floats are finite), so it needs no quotes.
            let misread = text.isEmpty || plain.null != nil || plain.bool != nil || plain.int != nil || (plain.float?.isFinite ?? false)
            return .scalar(.init(text, .implicit, misread ? .doubleQuoted : .any))
        case .array(let items): return .sequence(.init(items.map { node($0, flow: flow) }, .implicit, flow ? .flow : .any))
        case .object(let object):
            return .mapping(.init(object.map { (key($0.key), node($0.value, flow: flow)) }, .implicit, flow ? .flow : .any))
        }
    }
}
