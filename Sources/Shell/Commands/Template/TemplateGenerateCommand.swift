import Foundation

/// template generate and template example: the template of a client as it is, and a commented
/// example of every key.
enum TemplateGenerateCommand {
    static let path = OptionalArgument<String>("PATH", "the client (default: here)", type: .path)
    static let file = Option<String>("file", "FILE", "write the template to FILE instead of standard output", completion: .yamlFile)

    static let generate = CommandSpec(
        words: ["template", "generate"],
        abstract: "Write the template (YAML) of a client as it is",
        discussion:
            "Applying it to another client makes that client like this one, and 'template check' then finds no difference. Scripts "
            + "are written inline (code:); meta in exoline's datasource form becomes unit, description, values and range. Fields at "
            + "the platform's defaults (empty meta, not public, no preprocess or subscription) are left out, so check does not compare "
            + "them; retention is always written. A template keeps one alias per resource.",
        arguments: [path, file],
        examples: ["template generate device1 --file thermostat.yaml", "template generate > here.yaml"],
        run: { context in try await run(&context) }
    )

    static let example = CommandSpec(
        words: ["template", "example"],
        abstract: "Print a commented example template: every key a template may hold",
        examples: ["template example > thermostat.yaml"],
        run: { _ in .verbatim(TemplateExample.text) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let target = try await context.resolve(context[path] ?? ".")
        let client = try await SubtreeWalker(parts: [.tags]).walk(from: target, context: &context)
        guard client.isClient else {
            throw ShellError.failed("template generate: '\(target.text)' is a \(client.type); a template describes a client")
        }
        let place = context[path] ?? "PATH"
        let name = context[file] ?? "FILE"
        var generator = TemplateGenerator()
        generator.header = [
            "onep template of \(target.text) (template generate).",
            "Check a client against it: template check \(place) \(name); make another like it: template apply NEW \(name)",
        ]
        let text = try generator.yaml(of: client)
        guard let destination = context[file] else {
            context.effects.note(.printed)
            return .verbatim(text)
        }
        guard FileManager.default.createFile(atPath: destination, contents: Data(text.utf8)) else {
            throw ShellError.file(destination, "cannot be written: check the directory exists and may be written")
        }
        let count = client.count - 1
        return .done("wrote the template of \(target.text) (\(count) resource\(count == 1 ? "" : "s")) to \(destination)")
    }
}
