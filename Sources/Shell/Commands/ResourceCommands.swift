import OneP
import OnePJSON

/// info, update, drop, move, usage: one resource's description and place.
enum ResourceCommands {
    static let infoKeys = [
        "aliases", "basic", "comments", "counts", "description", "key", "shares", "storage", "subscribers", "tagged", "tags", "usage",
    ]

    static let infoResource = OptionalArgument<String>("RES", "the resource (default: here)", type: .path)
    static let include = Option<[String]>("include", "K,...", "only these parts", type: .list(infoKeys))
    static let exclude = Option<[String]>("exclude", "K,...", "everything but these parts", type: .list(infoKeys))

    /// The times in an `info` answer: when the resource was modified, its first and last points.
    static let infoTimes = [["basic", "modified"], ["storage", "first"], ["storage", "last"]]

    static let info = CommandSpec(
        words: ["info"],
        abstract: "Show what the platform knows about a resource",
        arguments: [infoResource, include, exclude],
        examples: ["info temperature", "info device1 --include basic,description"],
        run: { context in
            let resource = try await context.resolve(context[infoResource] ?? ".")
            var options = InfoOptions.all
            if let parts = context[include] { options = InfoOptions(parts.map(InfoOption.init(rawValue:))) }
            if let excluded = context[exclude].map(Set.init) {
                options = InfoOptions((context[include] ?? infoKeys).filter { !excluded.contains($0) }.map(InfoOption.init(rawValue:)))
            }
            // Its times show as the time format says; zero, the platform's "none", stays.
            return .timed(try await context.client().call(.info(resource.id, options: options)) ?? .null, times: infoTimes)
        }
    )

    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let newName = Option<String>("name", "NAME", "the new name")
    static let newMeta = Option<String>("meta", "TEXT", "the new metadata")
    static let fields = Option<JSON>("json", "DESC", "description fields as JSON")

    static let update = CommandSpec(
        words: ["update"],
        abstract: "Change a resource's description",
        arguments: [resource, newName, newMeta, fields] + DescriptionOptions.pipeline + DescriptionOptions.ruleOptions
            + DescriptionOptions.dispatch,
        examples: [
            "update temperature --name 'outside temperature'", "update temperature --json '{\"public\": true}'",
            "update temperature --retention-count 100", "update hot --when simple --comparison gt --constant 35",
        ],
        effect: .changes,
        run: { context in
            var description = JSONObject()
            if let name = context[newName] { description["name"] = .string(name) }
            if let meta = context[newMeta] { description["meta"] = .string(meta) }
            if let rule = try DescriptionOptions.rule(command: "update", context.arguments, scriptSource: try context.scriptFileSource()) {
                description["rule"] = rule
            }
            for (key, value) in DescriptionOptions.dispatchFields(context.arguments) { description[key] = value }
            for (key, value) in try await DescriptionOptions.pipelineFields(command: "update", context: &context) { description[key] = value }
            if let json = context[fields] {
                guard let object = json.objectValue else {
                    throw ShellError.badJSON(json.serialized(), reason: "a description must be an object")
                }
                for (key, value) in object { description[key] = value }
            }
            guard !description.isEmpty else {
                throw ShellError(.missingArgument(command: "update", argument: "a field to change (see 'help update')"))
            }
            let target = try await context.resolve(context[resource])
            // A refusal is explained by the refusal table (a format change, a bad subscription).
            _ = try await context.client().call(.update(target.id, description: .object(description)))
            return nil
        }
    )

    static let resources = RepeatingArgument<String>("RES", "resources to delete", type: .path)

    static let allChildren = Flag("all-children", "drop everything the clients own, not the clients themselves")

    static let drop = CommandSpec(
        words: ["drop"],
        abstract: "Delete resources (a client with everything under it)",
        discussion: "With --all-children the clients stay and everything they own goes, in one request.",
        arguments: [resources, allChildren],
        examples: ["drop temperature --yes", "drop old1 old2", "drop device1 --all-children"],
        effect: .destroys,
        run: { context in
            let targets = try await context.resolveAll(context[resources])
            if context[allChildren] { return try await dropChildren(of: targets, &context) }
            if targets.contains(where: { $0.segments.isEmpty }) {
                throw ShellError.failed("drop: a client cannot drop itself; its owner can")
            }
            // Every target must be within reach before any goes: a refused one stops them all.
            let found = try await context.client().batch(targets.map { .info($0.id, options: [.basic]) })
            for result in found { _ = try result.get() }
            if context.asksBeforeDestroying {
                var summaries: [String] = []
                for target in targets { summaries.append(try await context.summary(of: target)) }
                try context.confirm(context[resources].joined(separator: " "), summaries.joined(separator: "; "))
            }
            let results = try await context.client().batch(targets.map { .drop($0.id) })
            for result in results { _ = try result.get() }
            let dropped = Set(targets.map(\.rid))
            if context.session.path.contains(where: { dropped.contains($0.rid) }) { context.session.path = [] }
            return nil
        }
    )

    /// `drop --all-children`: one request lists the clients, one more drops all they own.
    private static func dropChildren(of targets: [ResolvedResource], _ context: inout CommandContext) async throws -> CommandOutput {
        let client = try context.client()
        let answers = try await client.batch(
            targets.flatMap { [.info($0.id, options: [.basic]), .listing($0.id, types: ResourceType.all, options: .init(owned: true))] })
        var children: [String] = []
        for (index, target) in targets.enumerated() {
            let type = try answers[2 * index].get()?["basic"]?["type"]?.stringValue
            guard type == "client" else {
                throw ShellError.failed("drop: '\(target.text)' is not a client: --all-children drops what a client owns")
            }
            children += Child.listed(try answers[2 * index + 1].get()).map(\.rid)
        }
        guard !children.isEmpty else { return .done("nothing to drop") }
        if context.asksBeforeDestroying {
            var summaries: [String] = []
            for target in targets { summaries.append("everything " + (try await context.summary(of: target)) + " owns") }
            try context.confirm(context[resources].joined(separator: " ") + " --all-children", summaries.joined(separator: "; "))
        }
        let results = try await client.batch(children.map { .drop(.rid($0)) })
        let failed = results.filter { !$0.status.isOK }
        if let first = failed.first {
            // Drops that succeeded cannot be undone: say how far it got.
            do {
                _ = try first.get()
            } catch {
                throw ShellError.failed(
                    "drop: dropped \(children.count - failed.count) of \(children.count) resources; the platform refused \(failed.count): \(error)")
            }
        }
        let dropped = Set(children)
        if context.session.path.contains(where: { dropped.contains($0.rid) }) {
            context.session.path = Array(context.session.path.prefix { !dropped.contains($0.rid) })
        }
        return .done("dropped \(children.count) resource\(children.count == 1 ? "" : "s")")
    }

    static let moved = Argument<String>("RES", "the resource to move", type: .path)
    static let destination = Argument<String>("DEST", "the new owner", type: .path)
    static let dropAliases = Flag("no-aliases", "drop aliases instead of re-creating them")

    static let move = CommandSpec(
        words: ["move"],
        abstract: "Move a resource under another client",
        arguments: [moved, destination, dropAliases],
        examples: ["move temperature device2"],
        effect: .changes,
        run: { context in
            let target = try await context.resolve(context[moved])
            let owner = try await context.resolve(context[destination])
            _ = try await context.client().call(.move(target.id, to: .rid(owner.rid), aliases: !context[dropAliases]))
            return nil
        }
    )

    static let usageMetrics = ["client", "dataport", "datarule", "dispatch", "share", "email", "http", "sms", "xmpp"]
    static let usageClient = OptionalArgument<String>("RES", "the client (default: here)", type: .path)
    static let windowStart = Option<TimeExpression>("start", "T", "window start (default -1d)")
    static let windowEnd = Option<TimeExpression>("end", "T", "window end (default now)")

    static let usage = CommandSpec(
        words: ["usage"],
        abstract: "Show a client's usage of every metric in a time window",
        arguments: [usageClient, windowStart, windowEnd],
        examples: ["usage", "usage device1 --start -7d"],
        run: { context in
            let end = try context.time(windowEnd) ?? context.now
            let start = try context.time(windowStart) ?? end - 86_400
            // The platform counts usage from unix time 0 on and refuses a window that starts before.
            guard start >= 0 else {
                throw ShellError(
                    .refused(
                        "usage: --start '\(ShellMessage.shown(context[windowStart]?.text ?? String(start)))' is before 1970 "
                            + "(unix time 0): start the window at 1970 or later", beforeSending: true))
            }
            guard start <= end else {
                throw ShellError(.invalidValue(command: "usage", argument: "--start", value: String(start), expected: "a time before --end"))
            }
            let client = try await context.resolve(context[usageClient] ?? ".")
            // The resource's type rides along, to explain a refusal in the user's terms.
            let calls: [Call] = [.info(client.id, options: [.basic])] + usageMetrics.map { .usage(client.id, metric: $0, start: start, end: end) }
            let results = try await context.client().batch(calls)
            if let type = results[0].result?["basic"]?["type"]?.stringValue, type != "client" {
                throw ShellError.failed("usage: '\(client.text)' is a \(type); usage is measured for clients")
            }
            var rows: [[JSON]] = []
            for (metric, result) in zip(usageMetrics, results.dropFirst()) { rows.append([.string(metric), try result.get() ?? .null]) }
            return .table(Table(columns: ["metric", "usage"], rows: rows, rightAligned: [1]))
        }
    )
}
