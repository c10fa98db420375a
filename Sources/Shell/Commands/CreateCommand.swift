import OneP
import OnePJSON

/// create and clone: new resources under the current client.
enum CreateCommand {
    static let spec = CommandSpec(
        words: ["create"],
        abstract: "Create a client, dataport, datarule or dispatch",
        discussion:
            "NAME may carry a path ('device1/temperature') to create under another client. --json DESC is merged last, for any description field the options do not cover. New clients inherit their owner's limits unless --json says otherwise.",
        positionals: [
            PositionalSpec(name: "TYPE", help: "what to create", type: .choice(["client", "dataport", "datarule", "dispatch"])),
            PositionalSpec(name: "NAME", help: "its name, optionally under a path", completion: .resourcePath),
        ],
        options: [
            .value("format", "FORMAT", "dataport or datarule format (default float)", type: .choice(["float", "integer", "string"])),
            .value("meta", "TEXT", "free-form metadata"),
            .flag("public", "readable by anyone"),
            .value("alias", "ALIAS", "also map this alias in the owning client"),
            .value("json", "DESC", "more description fields as JSON", type: .json),
        ] + DescriptionOptions.pipeline + DescriptionOptions.rule + DescriptionOptions.dispatch,
        examples: [
            "create dataport temperature --format float --alias temp",
            "create client device2",
            "create datarule hot --format integer --subscribe temperature --when simple --comparison gt --constant 30",
            "create datarule silent --format integer --subscribe temperature --when timeout --timeout 600",
            "create dispatch alarm --subscribe hot --method email --recipient ops@example.com --message 'too hot'",
            "create datarule hot --format integer --rule '{\"simple\": {\"comparison\": \"gt\", \"constant\": 30, \"repeat\": false}}'",
        ],
        effect: .changes,
        body: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws {
        let type = context.arguments.required("TYPE")
        let fullName = context.arguments.required("NAME")
        var parentPath = "."
        var name = fullName
        if let slash = fullName.lastIndex(of: "/") {
            parentPath = String(fullName[..<slash])
            if parentPath.isEmpty { parentPath = "/" }
            name = String(fullName[fullName.index(after: slash)...])
        }
        guard !name.isEmpty else { throw ShellError(.missingArgument(command: "create", argument: "NAME")) }
        let parent = try await context.resolve(parentPath)
        var description = try await describe(type: type, name: name, context: &context)
        if let extra = context.arguments.option("json") {
            guard let object = try ValueParsing.json(extra).objectValue else {
                throw ShellError.badJSON(extra, reason: "a description must be an object")
            }
            for (key, value) in object { description[key] = value }
        }
        let created = try await context.client().call(.create(parent.id, type: ResourceType(rawValue: type), description: .object(description)))
        guard let rid = created?.stringValue else { throw OnePError.malformedAnswer("create gave no RID") }
        if let alias = context.arguments.option("alias") {
            _ = try await context.client(actingAs: parent.rid).call(.map(.rid(rid), alias: alias))
        }
        context.session.knownChildren[parent.rid] = nil
        if context.session.settings.format == .text {
            context.emit(.message(rid))
        } else {
            context.emit(.value(["rid": .string(rid), "name": .string(name), "type": .string(type)]))
        }
    }

    private static func describe(type: String, name: String, context: inout CommandContext) async throws -> JSONObject {
        let arguments = context.arguments
        try checkApplies(to: type, arguments)
        var description: JSONObject = ["name": .string(name)]
        if let meta = arguments.option("meta") { description["meta"] = .string(meta) }
        if arguments.flag("public") { description["public"] = true }
        switch type {
        case "client":
            description["limits"] = .object(JSONObject(DescriptionOptions.clientLimitKeys.map { ($0, JSON.string("inherit")) }))
            return description
        case "dataport", "datarule":
            description["format"] = .string(
                arguments.option("format") ?? (type == "datarule" && arguments.option("when") == "script" ? "string" : "float"))
        default:
            description["method"] = .string(arguments.option("method") ?? "email")
            description["recipient"] = .string(arguments.option("recipient") ?? "")
            description["subject"] = .string(arguments.option("subject") ?? "")
            description["message"] = .string(arguments.option("message") ?? "")
        }
        if type == "datarule" {
            // --json may carry the rule instead of the options.
            if let rule = try DescriptionOptions.rule(command: "create", arguments) {
                description["rule"] = rule
            } else if (try arguments.option("json").map(ValueParsing.json))?["rule"] == nil {
                throw ShellError(.missingArgument(command: "create", argument: "--when KIND (or --rule JSON) for a datarule"))
            }
        }
        for (key, value) in try await DescriptionOptions.pipelineFields(command: "create", context: &context) { description[key] = value }
        return description
    }

    /// Refuses options that describe a type other than the one being created.
    private static func checkApplies(to type: String, _ arguments: ParsedArguments) throws {
        var foreign: [(names: [String], owner: String)] = []
        if type != "datarule" { foreign.append((DescriptionOptions.ruleOptionNames, "a datarule")) }
        if type != "dispatch" { foreign.append((DescriptionOptions.dispatchOptionNames, "a dispatch")) }
        if type == "client" || type == "dispatch" { foreign.append((["format"], "a dataport or datarule")) }
        if type == "client" { foreign.append((DescriptionOptions.pipelineOptionNames, "a dataport, datarule or dispatch")) }
        for (names, owner) in foreign {
            if let option = DescriptionOptions.given(names, in: arguments).first {
                throw DescriptionOptions.conflict("create", "--\(option)", "applies only to \(owner), not to a \(type)")
            }
        }
    }

    static let clone = CommandSpec(
        words: ["clone"],
        abstract: "Copy a client (with its resources) under the current client",
        positionals: [PositionalSpec(name: "SOURCE", help: "the client to copy", type: .path)],
        options: [
            .flag("no-aliases", "do not copy aliases"),
            .flag("no-history", "do not copy points"),
        ],
        examples: ["clone device1", "clone device1 --no-history"],
        effect: .changes,
        body: { context in
            let source = try await context.resolve(context.arguments.required("SOURCE"))
            let here = try await context.resolve(".")
            // The source's type comes in the same request, to explain a refusal in the user's terms.
            let results = try await context.client().batch([
                .info(.rid(source.rid), options: [.basic]),
                .clone(
                    here.id, .rid(source.rid), noAliases: context.arguments.flag("no-aliases"), noHistorical: context.arguments.flag("no-history")),
            ])
            if let type = results[0].result?["basic"]?["type"]?.stringValue, type != "client" {
                throw ShellError.failed("clone: '\(source.text)' is a \(type); only clients can be cloned")
            }
            guard let rid = try results[1].get()?.stringValue else { throw OnePError.malformedAnswer("clone gave no RID") }
            // Only the direct owner may see a client's key.
            let info = try? await context.client(actingAs: here.rid).call(.info(.rid(rid), options: [.key]))
            let cik = info?["key"]?.stringValue
            context.session.knownChildren[here.rid] = nil
            if context.session.settings.format == .text {
                context.emit(.message(cik.map { "rid: \(rid)\ncik: \($0)" } ?? rid))
            } else {
                var object: JSONObject = ["rid": .string(rid)]
                if let cik { object["cik"] = .string(cik) }
                context.emit(.value(.object(object)))
            }
        }
    )
}
