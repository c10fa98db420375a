import Foundation
import OnePJSON

/// diff: what differs between two subtrees (clients on the platform, dumps, templates).
enum DiffCommand {
    static let left = Argument<String>("LEFT", "a path, or a dump (.json) file", type: .path)
    static let right = Argument<String>("RIGHT", "a path, a dump (.json) or a template (.yaml) file", type: .path)

    static let spec = CommandSpec(
        words: ["diff"],
        abstract: "Show what differs between two clients, or a client and a dump or template file",
        discussion:
            "Resources correspond by type and alias, else by type and name; subscriptions and preprocess operands compare by what they "
            + "point at, not by RID, so a copy shows no differences. The roots' names are not compared. A template (.yaml) on the right is "
            + "compared as 'template check' compares it, descriptions only: what it leaves out is no difference. Exits 1 when the two differ.",
        arguments: [left, right],
        examples: ["diff device1 device2", "diff device1 device1.json", "diff device1 thermostat.yaml"],
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let a = try await SubtreeSource.read(context[left], context: &context)
        let b = try await SubtreeSource.read(context[right], context: &context)
        if a.isPartial, !b.isPartial {
            throw ShellError.failed("diff: a template says only part of a client, so it goes on the right: diff \(context[right]) \(context[left])")
        }
        var comparison = SubtreeComparison()
        comparison.rightIsPartial = b.isPartial
        // Against a template, fields read as the template names them (`unit`, `script`).
        let differences = comparison.differences(a.root, b.root).map { b.isPartial ? TemplateMatch.readable($0) : $0 }
        if !differences.isEmpty { context.status = .commandFailed }
        let rows: [[JSON]] = differences.map { difference in
            [
                .string(difference.change.rawValue), .string(difference.path.isEmpty ? "." : difference.path), .string(difference.type),
                difference.field.map(JSON.string) ?? .null, difference.left ?? .null, difference.right ?? .null,
            ]
        }
        var table = Table(columns: ["change", "path", "type", "field", "left", "right"], rows: rows)
        table.text = .lines(listing(differences, left: a.label, right: b.label))
        return .table(table)
    }

    /// The differences as a unified-style listing: `-` for the left side, `+` for the right.
    static func listing(_ differences: [SubtreeComparison.Difference], left: String, right: String) -> [String] {
        guard !differences.isEmpty else { return ["no differences"] }
        var lines = ["--- \(left)", "+++ \(right)"]
        var current: String?
        for difference in differences {
            let place = difference.path.isEmpty ? "." : difference.path
            switch difference.change {
            case .removed: lines.append("- \(place)  \(difference.type)")
            case .added: lines.append("+ \(place)  \(difference.type)")
            case .changed:
                if current != place { lines.append("  \(place)  \(difference.type)") }
                let field = difference.field ?? ""
                if let value = difference.left { lines.append("-   \(field): \(shown(value))") }
                if let value = difference.right { lines.append("+   \(field): \(shown(value))") }
            }
            current = difference.change == .changed ? place : nil
        }
        return lines
    }

    private static func shown(_ value: JSON) -> String {
        if case .string(let text) = value { return text.contains("\n") ? value.serialized() : text }
        return value.serialized()
    }
}

/// One side of a comparison: a subtree read from the platform, a dump file or a template file.
struct SubtreeSource {
    var root: SubtreeResource
    var label: String
    /// A template says only what it cares about.
    var isPartial = false

    static func read(_ text: String, context: inout CommandContext) async throws -> SubtreeSource {
        let lowered = text.lowercased()
        let isFile = [".json", ".yaml", ".yml"].contains { lowered.hasSuffix($0) } && FileManager.default.fileExists(atPath: text)
        guard isFile else {
            let resolved = try await context.resolve(text)
            return SubtreeSource(root: try await SubtreeWalker(parts: [.tags, .comments]).walk(from: resolved, context: &context), label: text)
        }
        let contents: String
        do {
            contents = try context.services.configuration.readFile(text)
        } catch {
            throw ShellError.file(text, "cannot be read: check the path")
        }
        guard lowered.hasSuffix(".json") else {
            let template = try TemplateReader.read(path: text, text: contents, home: context.services.environment["HOME"])
            return SubtreeSource(root: try TemplateTree(template).root, label: text, isPartial: true)
        }
        return SubtreeSource(root: try DumpFile(text: contents, path: text).root, label: text)
    }
}
