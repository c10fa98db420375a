import OneP
import OnePJSON

/// info, update, drop, move, usage: one resource's description and place.
enum ResourceCommands {
    static let infoKeys = [
        "aliases", "basic", "comments", "counts", "description", "key", "shares", "storage", "subscribers", "tagged", "tags", "usage",
    ]

    static let info = CommandSpec(
        words: ["info"],
        abstract: "Show what the platform knows about a resource",
        positionals: [PositionalSpec(name: "RES", help: "the resource (default: here)", type: .path, isOptional: true)],
        options: [
            .value("include", "K,...", "only these parts", type: .list(infoKeys)),
            .value("exclude", "K,...", "everything but these parts", type: .list(infoKeys)),
        ],
        examples: ["info temperature", "info device1 --include basic,description"],
        body: { context in
            let resource = try await context.resolve(context.arguments.value("RES") ?? ".")
            var options = InfoOptions.all
            if let include = context.arguments.option("include") {
                options = InfoOptions(include.split(separator: ",").map { InfoOption(rawValue: String($0)) })
            }
            if let exclude = context.arguments.option("exclude") {
                let excluded = Set(exclude.split(separator: ",").map(String.init))
                let kept = (context.arguments.option("include").map { $0.split(separator: ",").map(String.init) } ?? infoKeys).filter {
                    !excluded.contains($0)
                }
                options = InfoOptions(kept.map(InfoOption.init(rawValue:)))
            }
            let answer = try await context.client().call(.info(resource.id, options: options))
            context.emit(.value(answer ?? .null))
        }
    )

    static let update = CommandSpec(
        words: ["update"],
        abstract: "Change a resource's description",
        positionals: [PositionalSpec(name: "RES", help: "the resource", type: .path)],
        options: [
            .value("name", "NAME", "the new name"),
            .value("meta", "TEXT", "the new metadata"),
            .value("json", "DESC", "description fields as JSON", type: .json),
        ] + DescriptionOptions.pipeline + DescriptionOptions.rule + DescriptionOptions.dispatch,
        examples: [
            "update temperature --name 'outside temperature'", "update temperature --json '{\"public\": true}'",
            "update temperature --retention-count 100", "update hot --when simple --comparison gt --constant 35",
        ],
        effect: .changes,
        body: { context in
            var description = JSONObject()
            if let name = context.arguments.option("name") { description["name"] = .string(name) }
            if let meta = context.arguments.option("meta") { description["meta"] = .string(meta) }
            if let rule = try DescriptionOptions.rule(command: "update", context.arguments) { description["rule"] = rule }
            for (key, value) in DescriptionOptions.dispatchFields(context.arguments) { description[key] = value }
            for (key, value) in try await DescriptionOptions.pipelineFields(command: "update", context: &context) { description[key] = value }
            if let json = context.arguments.option("json") {
                guard let object = try ValueParsing.json(json).objectValue else {
                    throw ShellError.badJSON(json, reason: "a description must be an object")
                }
                for (key, value) in object { description[key] = value }
            }
            guard !description.isEmpty else {
                throw ShellError(.missingArgument(command: "update", argument: "a field to change (see 'help update')"))
            }
            let resource = try await context.resolve(context.arguments.required("RES"))
            _ = try await context.client().call(.update(resource.id, description: .object(description)))
            context.session.knownChildren = [:]
        }
    )

    static let drop = CommandSpec(
        words: ["drop"],
        abstract: "Delete resources (a client with everything under it)",
        positionals: [PositionalSpec(name: "RES", help: "resources to delete", type: .path, isRepeating: true)],
        examples: ["drop temperature --yes", "drop old1 old2"],
        effect: .destroys,
        body: { context in
            let resources = try await context.resolveAll(context.arguments.values("RES"))
            if resources.contains(where: { $0.segments.isEmpty }) {
                throw ShellError.failed("drop: a client cannot drop itself; its owner can")
            }
            let results = try await context.client().batch(resources.map { .drop($0.id) })
            for result in results { _ = try result.get() }
            let dropped = Set(resources.map(\.rid))
            if context.session.path.contains(where: { dropped.contains($0.rid) }) { context.session.path = [] }
            context.session.knownChildren = [:]
        }
    )

    static let move = CommandSpec(
        words: ["move"],
        abstract: "Move a resource under another client",
        positionals: [
            PositionalSpec(name: "RES", help: "the resource to move", type: .path),
            PositionalSpec(name: "DEST", help: "the new owner", type: .path),
        ],
        options: [.flag("no-aliases", "drop aliases instead of re-creating them")],
        examples: ["move temperature device2"],
        effect: .changes,
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            let destination = try await context.resolve(context.arguments.required("DEST"))
            let destinationID: ResourceID = .rid(destination.rid)
            _ = try await context.client().call(.move(resource.id, to: destinationID, aliases: !context.arguments.flag("no-aliases")))
            context.session.knownChildren = [:]
        }
    )

    static let usageMetrics = ["client", "dataport", "datarule", "dispatch", "share", "email", "http", "sms", "xmpp"]

    static let usage = CommandSpec(
        words: ["usage"],
        abstract: "Show a client's usage of every metric in a time window",
        positionals: [PositionalSpec(name: "RES", help: "the client (default: here)", type: .path, isOptional: true)],
        options: [
            .value("start", "T", "window start (default -1d)", type: .time),
            .value("end", "T", "window end (default now)", type: .time),
        ],
        examples: ["usage", "usage device1 --start -7d"],
        body: { context in
            let end = context.time("end") ?? context.now
            let start = context.time("start") ?? end - 86_400
            guard start <= end else {
                throw ShellError(.invalidValue(command: "usage", argument: "--start", value: String(start), expected: "a time before --end"))
            }
            let resource = try await context.resolve(context.arguments.value("RES") ?? ".")
            // The resource's type rides along, to explain a refusal in the user's terms.
            let calls: [Call] = [.info(resource.id, options: [.basic])] + usageMetrics.map { .usage(resource.id, metric: $0, start: start, end: end) }
            let results = try await context.client().batch(calls)
            if let type = results[0].result?["basic"]?["type"]?.stringValue, type != "client" {
                throw ShellError.failed("usage: '\(resource.text)' is a \(type); usage is measured for clients")
            }
            var rows: [[JSON]] = []
            for (metric, result) in zip(usageMetrics, results.dropFirst()) { rows.append([.string(metric), try result.get() ?? .null]) }
            context.emit(.table(Table(columns: ["metric", "usage"], rows: rows, rightAligned: [1])))
        }
    )
}
