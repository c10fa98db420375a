import OnePJSON
import Yams

/// The keys of one resource, each checked and put where the platform (or the meta's
/// `datasource`) keeps it.
extension TemplateReader {
    static let formats = ["float", "integer", "string", "string/json"]
    static let methods = ["email", "http_get", "http_post", "http_put", "sms", "xmpp"]
    static let operations = ["add", "sub", "mul", "div", "mod", "gt", "geq", "lt", "leq", "eq", "neq", "value"]
    static let ruleKinds = ["simple", "timeout", "interval", "duration", "count", "script"]

    func field(_ entry: TemplateYAML.Entry, into resource: inout TemplateResource, notes: inout [String]) throws(ShellError) {
        let value = entry.value
        switch entry.key {
        case "alias", "name", "file", "code", "device": return
        case _ where Self.sections.contains(entry.key): return
        case "format":
            let format = try yaml.string(value, "format")
            guard Self.formats.contains(format), format != "string/json" || resource.type == "dataport" else {
                throw yaml.fail(value, "\(resource.label) has format '\(format)': expected \(Self.choices(Self.formats))")
            }
            resource.holdsJSON = format == "string/json"
            resource.fields["format"] = .string(resource.holdsJSON ? "string" : format)
        case "public", "locked":
            resource.fields[entry.key] = .bool(try yaml.bool(value, entry.key))
        case "meta":
            // A mapping is meta written as JSON.
            resource.fields["meta"] = value.mapping != nil ? .string(try yaml.json(value).serialized()) : .string(try yaml.string(value, "meta"))
        case "unit", "description":
            resource.datasource[entry.key] = .string(try yaml.string(value, entry.key))
        case "retention": resource.fields["retention"] = try retention(value)
        case "preprocess": resource.fields["preprocess"] = try preprocess(value)
        case "subscribe":
            resource.fields["subscribe"] = value.null != nil && value.scalar?.style == .plain ? .null : .string(try yaml.string(value, "subscribe"))
        case "initial": resource.initial = try yaml.json(value)
        case "jsonschema":
            notes.append("\(yaml.place(entry.keyNode.mark?.line)): jsonschema of \(resource.label) is read but not checked by onep")
        case "values":
            var list: [JSON] = []
            for item in try yaml.items(value, "values") {
                guard let scalar = item.scalar else { throw yaml.fail(item, "values should be a list of allowed values, e.g. [heat, cool, off]") }
                // YAML 1.1 reads on, off, yes and no as booleans; as allowed values they are words.
                let word = item.bool != nil && !["true", "false"].contains(scalar.string.lowercased())
                list.append(word ? .string(scalar.string) : try yaml.json(item))
            }
            guard !list.isEmpty else { throw yaml.fail(value, "values should be a list of allowed values, e.g. [heat, cool, off]") }
            resource.datasource["values"] = .array(list)
        case "range":
            let range = try yaml.entries(value, "range")
            try yaml.checkKeys(range, known: ["min", "max"], in: "range")
            for bound in range { try self.bound(bound, into: &resource) }
        case "min", "max": try bound(entry, into: &resource)
        case "rule": resource.fields["rule"] = try rule(value)
        case "method":
            let method = try yaml.string(value, "method")
            guard Self.methods.contains(method) else {
                throw yaml.fail(value, "\(resource.label) has method '\(method)': expected \(Self.choices(Self.methods))")
            }
            resource.fields["method"] = .string(method)
        case "recipient", "message", "subject": resource.fields[entry.key] = .string(try yaml.string(value, entry.key))
        case "limits": resource.fields["limits"] = try limits(value)
        case "tags":
            for item in try yaml.items(value, "tags") { resource.tags.append(try yaml.string(item, "a tag")) }
        default: throw yaml.fail(entry.keyNode, "\(resource.label) has an unknown key '\(entry.key)'")
        }
    }

    /// `min:` or `max:` of an allowed range, kept as `range: {min, max}`.
    private func bound(_ entry: TemplateYAML.Entry, into resource: inout TemplateResource) throws(ShellError) {
        let number = try yaml.json(entry.value)
        guard number.intValue != nil || number.doubleValue != nil, number.stringValue == nil else {
            throw yaml.fail(entry.value, "\(entry.key) should be a number")
        }
        var range = resource.datasource["range"]?.objectValue ?? [:]
        range[entry.key] = number
        if let low = range["min"]?.doubleValue, let high = range["max"]?.doubleValue, low > high {
            throw yaml.fail(entry.value, "\(resource.label) has min \(low) above max \(high)")
        }
        resource.datasource["range"] = .object(range)
    }

    private func retention(_ node: Node) throws(ShellError) -> JSON {
        let entries = try yaml.entries(node, "retention")
        try yaml.checkKeys(entries, known: ["count", "duration"], in: "retention")
        var object = JSONObject()
        for entry in entries {
            let value = try yaml.json(entry.value)
            if value.stringValue == "infinity" || (value.intValue.map { $0 >= 0 } ?? false) {
                object[entry.key] = value
            } else {
                throw yaml.fail(entry.value, "retention \(entry.key) should be a number of \(entry.key == "count" ? "points" : "hours") or infinity")
            }
        }
        return .object(object)
    }

    private func preprocess(_ node: Node) throws(ShellError) -> JSON {
        var steps: [JSON] = []
        for item in try yaml.items(node, "preprocess") {
            let step = try yaml.json(item)
            guard let pair = step.arrayValue, pair.count == 2, let operation = pair[0].stringValue, Self.operations.contains(operation),
                pair[1].stringValue != nil || pair[1].intValue != nil || pair[1].doubleValue != nil
            else {
                throw yaml.fail(item, "a preprocess step should be [operation, number or alias], operation one of \(Self.choices(Self.operations))")
            }
            steps.append(step)
        }
        return .array(steps)
    }

    private func rule(_ node: Node) throws(ShellError) -> JSON {
        let rule = try yaml.json(node)
        guard let object = rule.objectValue, object.count == 1, let kind = object.keys.first, Self.ruleKinds.contains(kind) else {
            throw yaml.fail(
                node,
                "a rule should be one of \(Self.choices(Self.ruleKinds)) with its settings, e.g. {simple: {comparison: gt, constant: 30, repeat: false}}"
            )
        }
        if kind != "script", object[kind]?.objectValue == nil { throw yaml.fail(node, "the \(kind) rule's settings should be a mapping") }
        return rule
    }

    /// A client's limits: each a count or `inherit`.
    func limits(_ node: Node) throws(ShellError) -> JSON {
        let entries = try yaml.entries(node, "limits")
        try yaml.checkKeys(entries, known: DescriptionOptions.clientLimitKeys, in: "limits")
        var object = JSONObject()
        for entry in entries {
            let value = try yaml.json(entry.value)
            guard value.stringValue == "inherit" || (value.intValue.map { $0 >= 0 } ?? false) else {
                throw yaml.fail(entry.value, "limit \(entry.key) should be a number or inherit")
            }
            object[entry.key] = value
        }
        return .object(object)
    }

    static func choices(_ values: [String]) -> String {
        values.dropLast().joined(separator: ", ") + " or " + (values.last ?? "")
    }
}
