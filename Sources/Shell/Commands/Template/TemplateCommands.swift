import OnePJSON

/// template check and template apply: a client (or every client of a model) held against a
/// template file.
enum TemplateCommands {
    static let path = OptionalArgument<String>("PATH", "the client (default: here)", type: .path)
    static let file = Argument<String>("FILE", "the template (YAML; exoline spec files too)", completion: .yamlFile)
    static let model = Option<String>(
        "all-of-model", "MODEL", "every client enabled for a serial number of this model, in place of PATH", completion: .modelName)
    static let ids = Option<[String]>(
        "ids", "ID,...", "exoline's templating: a resource naming <% id %> stands for one per id", type: .list([]))
    static let dryRun = Flag("dry-run", short: "n", "say what would change, change nothing")

    static let check = CommandSpec(
        words: ["template", "check"],
        abstract: "Report every way a client differs from a template; exit 1 when it does",
        discussion:
            "Resources are found by alias, else by name. Only what the template gives is compared: fields it leaves out and resources "
            + "it does not list are not differences. Values are checked too: a dataport with 'initial' should hold a value, and the "
            + "latest value should be JSON (string/json), one of 'values' and within 'range'. The listing is diff's.",
        arguments: [path, file, model, ids],
        examples: ["template check device1 thermostat.yaml", "template check thermostat.yaml --all-of-model thermostat"],
        run: { context in try await runCheck(&context) }
    )

    static let apply = CommandSpec(
        words: ["template", "apply"],
        abstract: "Create or update what a client lacks to match a template, and say what changed",
        discussion:
            "The whole template and every client are checked first: a format the platform cannot change, or an alias another resource "
            + "holds, refuses the apply before anything changes; if the platform refuses a step, what was made is dropped and what was "
            + "changed put back. Nothing outside the template is touched, and a second apply changes nothing. Initial values are "
            + "written to dataports that have none; a value out of range is reported, not changed.",
        arguments: [path, file, model, ids, dryRun],
        examples: [
            "template apply device2 thermostat.yaml", "template apply device2 thermostat.yaml --dry-run",
            "template apply thermostat.yaml --all-of-model thermostat",
        ],
        effect: .changes,
        run: { context in try await runApply(&context) }
    )

    static func runCheck(_ context: inout CommandContext) async throws -> CommandOutput {
        let template = try context.template(at: context[file], ids: context[ids])
        let targets = try await context.templateTargets(path: context[path], model: context[model], command: "template check")
        let many = context[model] != nil
        var rows: [[JSON]] = []
        var lines: [String] = []
        for (target, label) in targets {
            let differences = try await TemplateMatch.read(template, at: target, context: &context).differences
            if !differences.isEmpty { context.status = .commandFailed }
            for difference in differences {
                let row: [JSON] = [
                    .string(difference.change.rawValue), .string(difference.path.isEmpty ? "." : difference.path), .string(difference.type),
                    difference.field.map(JSON.string) ?? .null, difference.left ?? .null, difference.right ?? .null,
                ]
                rows.append(many ? [.string(label)] + row : row)
            }
            lines += differences.isEmpty ? ["\(label) matches \(template.path)"] : DiffCommand.listing(differences, left: label, right: template.path)
        }
        lines += template.notes.map { "note: " + $0 }
        var table = Table(columns: (many ? ["client"] : []) + ["change", "path", "type", "field", "left", "right"], rows: rows)
        table.text = .lines(lines)
        return .table(table)
    }

    static func runApply(_ context: inout CommandContext) async throws -> CommandOutput {
        let template = try context.template(at: context[file], ids: context[ids])
        let targets = try await context.templateTargets(path: context[path], model: context[model], command: "template apply")
        var plans: [(target: ResolvedResource, label: String, plan: TemplatePlan)] = []
        for (target, label) in targets {
            plans.append((target, label, TemplatePlan(try await TemplateMatch.read(template, at: target, context: &context))))
        }
        let refusals = plans.flatMap(\.plan.refusals)
        if let first = refusals.first {
            let more = refusals.count > 1 ? " (and \(refusals.count - 1) more: 'template check' lists every difference)" : ""
            throw ShellError.failed("\(first)\(more); nothing was changed")
        }
        let dry = context[dryRun]
        let many = context[model] != nil
        var rows: [[JSON]] = []
        var lines: [String] = []
        var applied: [TemplateApplier.Applied] = []
        for (target, label, plan) in plans {
            if !dry, !plan.isEmpty {
                do {
                    applied.append(try await TemplateApplier.apply(plan, at: target, context: &context))
                } catch {
                    // One client refused: the clients before it are put back too, so the fleet stays as it was.
                    for done in applied.reversed() { await TemplateApplier.undo(done, context: context) }
                    throw error
                }
            }
            if many { lines.append("\(label):") }
            let indent = many ? "  " : ""
            for step in plan.steps {
                let row: [JSON] = [.string(step.action), .string(step.path), .string(step.type), .string(step.detail)]
                rows.append(many ? [.string(label)] + row : row)
                lines.append(indent + sentence(step, dry: dry))
            }
            if plan.isEmpty { lines.append(indent + "nothing to change: \(label) matches \(template.path)") }
            for difference in plan.unfixable {
                context.status = .commandFailed
                lines.append(
                    indent + "left as it is: the value of \(difference.path) is \(difference.left.map(TemplateMatch.text) ?? "none"); "
                        + "the template wants \(difference.right.map(TemplateMatch.text) ?? "another")")
            }
        }
        lines += template.notes.map { "note: " + $0 }
        var table = Table(columns: (many ? ["client"] : []) + ["change", "path", "type", "detail"], rows: rows)
        table.text = .lines(lines)
        return .table(table)
    }

    /// A step as people read it: `created dataport temp`, `would update dataport temp: retention`.
    static func sentence(_ step: TemplatePlan.Step, dry: Bool) -> String {
        let verbs = [
            "create": ("created", "create"), "update": ("updated", "update"), "map": ("mapped", "map"), "tag": ("tagged", "tag"),
            "write": ("wrote", "write"),
        ]
        let (done, planned) = verbs[step.action] ?? (step.action, step.action)
        let verb = dry ? "would " + planned : done
        switch step.action {
        case "map": return "\(verb) the alias '\(step.detail)' to \(step.type) \(step.path)"
        case "write": return "\(verb) the initial value \(step.detail) to \(step.type) \(step.path)"
        case "update": return "\(verb) \(step.type) \(step.path): \(step.detail)"
        case "tag": return "\(verb) \(step.type) \(step.path) '\(step.detail)'"
        default: return "\(verb) \(step.type) \(step.path)"
        }
    }
}
