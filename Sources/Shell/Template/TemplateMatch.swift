import OneP
import OnePJSON

/// A client read from the platform beside a template: every difference `template check` reports,
/// and what `template apply` works from. Descriptions compare as `diff` compares them (the
/// template is the right side and says only what it cares about); values are checked besides:
/// a dataport with `initial` should hold a value, and the latest value should be JSON for
/// `string/json`, one of `values`, and within `range`.
struct TemplateMatch {
    let template: Template
    let tree: TemplateTree
    /// The client as the platform holds it.
    let client: SubtreeResource
    /// The latest value of each resource whose template checks values, nil when it has none.
    let latest: [String: JSON?]

    /// Reads the client's subtree and the values the template checks: depth + 2 requests.
    static func read(_ template: Template, at target: ResolvedResource, context: inout CommandContext) async throws -> TemplateMatch {
        let tree = try TemplateTree(template)
        let client = try await SubtreeWalker(parts: [.tags]).walk(from: target, context: &context)
        guard client.isClient else {
            throw ShellError.failed("template: '\(target.text)' is a \(client.type); a template describes a client")
        }
        var rids: [String] = []
        for (rightRID, leftRID) in SubtreeComparison.correspondence(client, tree.root) {
            guard let item = tree.resources[rightRID], item.initial != nil || item.holdsJSON || Self.constrains(item) else { continue }
            rids.append(leftRID)
        }
        var latest: [String: JSON?] = [:]
        if !rids.isEmpty {
            let answers = try await context.client().batch(rids.map { .read(.rid($0)) })
            for (rid, answer) in zip(rids, answers) { latest.updateValue(try answer.get()?[0]?[1], forKey: rid) }
        }
        return TemplateMatch(template: template, tree: tree, client: client, latest: latest)
    }

    static func constrains(_ item: TemplateResource) -> Bool {
        item.datasource["values"] != nil || item.datasource["range"] != nil
    }

    /// Every difference, descriptions first, in the names people see.
    var differences: [SubtreeComparison.Difference] {
        var comparison = SubtreeComparison()
        comparison.rightIsPartial = true
        var found = comparison.differences(client, tree.root).map(Self.readable)
        let paths = Dictionary(SubtreePaths.entries(of: client).map { ($0.resource.rid, $0.path) }, uniquingKeysWith: { first, _ in first })
        for (rightRID, leftRID) in SubtreeComparison.correspondence(client, tree.root).sorted(by: { $0.value < $1.value }) {
            guard let item = tree.resources[rightRID], let value = latest[leftRID], let problem = Self.valueProblem(value, item) else { continue }
            let path = paths[leftRID] ?? leftRID
            let difference = SubtreeComparison.Difference(
                change: .changed, path: path, type: item.type, field: "value", left: value ?? .null, right: .string(problem))
            // Beside the resource's other differences, so the listing names it once.
            let last = found.lastIndex { $0.path == path && $0.change == .changed }
            found.insert(difference, at: last.map { $0 + 1 } ?? found.count)
        }
        return found
    }

    /// What is wrong with a resource's latest value, said as what the template wants; nil when
    /// nothing is.
    static func valueProblem(_ value: JSON?, _ item: TemplateResource) -> String? {
        guard let value else { return item.initial.map { "a value (initial: \(TemplateMatch.text($0)))" } }
        if item.holdsJSON, let text = value.stringValue, (try? JSON(parsing: text)) == nil { return "JSON text (format string/json)" }
        if let allowed = item.datasource["values"]?.arrayValue, !allowed.contains(where: { text($0) == text(value) }) {
            return "one of \(allowed.map(text).joined(separator: ", "))"
        }
        if let range = item.datasource["range"] {
            let low = range["min"]?.doubleValue
            let high = range["max"]?.doubleValue
            let number = value.doubleValue ?? value.stringValue.flatMap(Double.init)
            let inside = number.map { number in (low.map { number >= $0 } ?? true) && (high.map { number <= $0 } ?? true) } ?? false
            if !inside { return "a number from \(range["min"].map(text) ?? "any") to \(range["max"].map(text) ?? "any")" }
        }
        return nil
    }

    static func text(_ value: JSON) -> String {
        value.stringValue ?? value.serialized()
    }

    /// Field names as a template writes them: `unit` for `meta.datasource.unit`, `script` for
    /// `rule.script`; a script's source shown by its length, not whole.
    static func readable(_ difference: SubtreeComparison.Difference) -> SubtreeComparison.Difference {
        var difference = difference
        guard let field = difference.field else { return difference }
        if field.hasPrefix("meta.datasource.") { difference.field = String(field.dropFirst("meta.datasource.".count)) }
        if field == "rule.script" {
            difference.field = "script"
            let lines = { (value: JSON?) in
                value?.stringValue.map { JSON.string("Lua source, \($0.split(separator: "\n", omittingEmptySubsequences: false).count) lines") }
            }
            difference.left = lines(difference.left) ?? difference.left
            difference.right = lines(difference.right).map { _ in JSON.string("the template's source") } ?? difference.right
        }
        return difference
    }
}
