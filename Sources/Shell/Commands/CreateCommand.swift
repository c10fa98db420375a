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
            .value("retention-count", "N", "keep at most N points", type: .integer),
            .value("retention-duration", "H", "keep points for H hours", type: .integer),
            .value("preprocess", "JSON", "operations on incoming values, e.g. [[\"mul\", 2]]", type: .json),
            .value("subscribe", "RES", "receive every point of this resource", type: .path),
            .value(
                "rule", "JSON", "the datarule's rule, e.g. {\"simple\": {\"comparison\": \"gt\", \"constant\": 30, \"repeat\": false}}", type: .json),
            .value("method", "METHOD", "dispatch delivery", type: .choice(["email", "http_get", "http_post", "http_put", "sms", "xmpp"])),
            .value("recipient", "TO", "dispatch recipient"),
            .value("subject", "TEXT", "dispatch subject"),
            .value("message", "TEXT", "dispatch message"),
            .value("alias", "ALIAS", "also map this alias in the owning client"),
            .value("json", "DESC", "more description fields as JSON", type: .json),
        ],
        examples: [
            "create dataport temperature --format float --alias temp",
            "create client device2",
            "create datarule hot --format integer --subscribe temperature --rule '{\"simple\": {\"comparison\": \"gt\", \"constant\": 30, \"repeat\": false}}'",
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
        var description: JSONObject = ["name": .string(name)]
        if let meta = arguments.option("meta") { description["meta"] = .string(meta) }
        if arguments.flag("public") { description["public"] = true }
        switch type {
        case "client":
            var limits = JSONObject()
            for key in [
                "client", "dataport", "datarule", "disk", "dispatch", "email", "email_bucket", "http", "http_bucket", "share", "sms", "sms_bucket",
                "xmpp", "xmpp_bucket",
            ] {
                limits[key] = "inherit"
            }
            description["limits"] = .object(limits)
            return description
        case "dataport", "datarule":
            description["format"] = .string(arguments.option("format") ?? "float")
        default:
            description["method"] = .string(arguments.option("method") ?? "email")
            description["recipient"] = .string(arguments.option("recipient") ?? "")
            description["subject"] = .string(arguments.option("subject") ?? "")
            description["message"] = .string(arguments.option("message") ?? "")
        }
        if type == "datarule" {
            guard let rule = arguments.option("rule") else {
                throw ShellError(.missingArgument(command: "create", argument: "--rule for a datarule"))
            }
            description["rule"] = try ValueParsing.json(rule)
        }
        if arguments.option("retention-count") != nil || arguments.option("retention-duration") != nil {
            description["retention"] = [
                "count": arguments.integer("retention-count").map(JSON.int) ?? "infinity",
                "duration": arguments.integer("retention-duration").map(JSON.int) ?? "infinity",
            ]
        }
        if let preprocess = arguments.option("preprocess") { description["preprocess"] = try ValueParsing.json(preprocess) }
        if let subscribe = arguments.option("subscribe") {
            description["subscribe"] = .string(try await context.resolve(subscribe).rid)
        }
        return description
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
