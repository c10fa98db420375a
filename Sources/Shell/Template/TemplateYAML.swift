import OnePJSON
import Yams

/// YAML nodes read with their line numbers, so every problem in a template names `FILE:LINE`.
struct TemplateYAML {
    let path: String

    /// The document's root node; nil for an empty document.
    /// - Throws: ``ShellError`` saying `FILE:LINE: not valid YAML (problem)`.
    func root(of text: String) throws(ShellError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ShellError.failed("\(place(Self.line(of: error))): not valid YAML (\(Self.problem(of: error))): fix the file")
        } catch {
            throw ShellError.failed("\(path): not valid YAML (\(error)): fix the file")
        }
    }

    func place(_ line: Int?) -> String {
        line.map { "\(path):\($0)" } ?? path
    }

    func fail(_ node: Node?, _ message: String) -> ShellError {
        ShellError.failed("\(place(node?.mark?.line)): \(message)")
    }

    /// A mapping's entries in file order.
    /// - Throws: when the node is not a mapping or a key is not text.
    func entries(_ node: Node, _ what: String) throws(ShellError) -> [Entry] {
        guard let mapping = node.mapping else { throw fail(node, "\(what) should be a mapping of keys to values") }
        var found: [Entry] = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw fail(key, "\(what) has a key that is not text") }
            found.append(Entry(key: name, keyNode: key, value: value))
        }
        return found
    }

    /// Refuses keys outside `known`, suggesting the closest.
    func checkKeys(_ entries: [Entry], known: [String], in what: String) throws(ShellError) {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = Suggester.closest(to: entry.key, among: known).first.map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(entry.keyNode, "\(what) has an unknown key '\(entry.key)'\(suggestion); known keys: \(known.joined(separator: ", "))")
        }
    }

    /// The items of a sequence.
    func items(_ node: Node, _ what: String) throws(ShellError) -> [Node] {
        if node.null != nil, node.scalar?.style == .plain { return [] }
        guard let sequence = node.sequence else { throw fail(node, "\(what) should be a list (items starting with '- ')") }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) throws(ShellError) -> String {
        guard let scalar = node.scalar else { throw fail(node, "\(what) should be text") }
        return scalar.string
    }

    func bool(_ node: Node, _ what: String) throws(ShellError) -> Bool {
        guard node.scalar != nil, let value = node.bool else { throw fail(node, "\(what) should be true or false") }
        return value
    }

    /// Any value as JSON: plain numbers stay integers or floats, quoted ones stay text.
    func json(_ node: Node) throws(ShellError) -> JSON {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let value = node.int { return .int(value) }
                if let value = node.float, value.isFinite { return .double(value) }
                if let value = node.bool { return .bool(value) }
            }
            return .string(scalar.string)
        case .mapping:
            var object = JSONObject()
            for entry in try entries(node, "a value") { object[entry.key] = try json(entry.value) }
            return .object(object)
        case .sequence(let sequence):
            var values: [JSON] = []
            for item in sequence { values.append(try json(item)) }
            return .array(values)
        case .alias:
            throw fail(node, "YAML aliases (*name) are not read in templates: write the value out")
        }
    }

    /// One key and its value, with the key's node for its line.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .reader(let problem, _, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "the key '\(duplicates.joined(separator: "', '"))' is given twice"
        default: return "\(error)"
        }
    }
}
