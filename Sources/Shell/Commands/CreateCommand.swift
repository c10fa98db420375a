import OneP
import OnePJSON

/// create and clone: new resources under the current client.
enum CreateCommand {
    static let type = Argument<String>("TYPE", "what to create", type: .choice(["client", "dataport", "datarule", "dispatch"]))
    static let name = Argument<String>("NAME", "its name, optionally under a path", completion: .resourcePath)
    static let format = Option<String>(
        "format", "FORMAT", "dataport or datarule format (default float)", type: .choice(["float", "integer", "string"]))
    static let meta = Option<String>("meta", "TEXT", "free-form metadata")
    static let isPublic = Flag("public", "readable by anyone")
    static let alias = Option<String>("alias", "ALIAS", "also map this alias in the owning client")
    static let json = Option<JSON>("json", "DESC", "more description fields as JSON")

    static let spec = CommandSpec(
        words: ["create"],
        abstract: "Create a client, dataport, datarule or dispatch",
        discussion:
            "NAME may carry a path ('device1/temperature') to create under another client. --json DESC is merged last, for any description field the options do not cover. New clients inherit their owner's limits unless --json says otherwise.",
        arguments: [type, name, format, meta, isPublic, alias, json] + DescriptionOptions.pipeline + DescriptionOptions.ruleOptions
            + DescriptionOptions.dispatch,
        examples: [
            "create dataport temperature --format float --alias temp",
            "create client device2",
            "create datarule hot --format integer --subscribe temperature --when simple --comparison gt --constant 30",
            "create datarule silent --format integer --subscribe temperature --when timeout --timeout 600",
            "create dispatch alarm --subscribe hot --method email --recipient ops@example.com --message 'too hot'",
            "create datarule hot --format integer --rule '{\"simple\": {\"comparison\": \"gt\", \"constant\": 30, \"repeat\": false}}'",
            "create datarule convert --script-file convert.lua",
        ],
        effect: .changes,
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let kind = context[type]
        let fullName = context[name]
        var parentPath = "."
        var leaf = fullName
        if let slash = fullName.lastIndex(of: "/") {
            parentPath = String(fullName[..<slash])
            if parentPath.isEmpty { parentPath = "/" }
            leaf = String(fullName[fullName.index(after: slash)...])
        }
        guard !leaf.isEmpty else { throw ShellError(.missingArgument(command: "create", argument: "NAME")) }
        let parent = try await context.resolve(parentPath)
        var description = try await describe(type: kind, name: leaf, context: &context)
        if let extra = context[json] {
            guard let object = extra.objectValue else {
                throw ShellError.badJSON(extra.serialized(), reason: "a description must be an object")
            }
            for (key, value) in object { description[key] = value }
        }
        // A taken alias is found before anything is made: a failing create makes nothing.
        if let mapped = context[alias] {
            let owner = try context.client(actingAs: parent.rid)
            if let taken = try await owner.batch([.lookup(.me, .alias(mapped))]).first, taken.status.isOK,
                let holder = taken.result?.stringValue
            {
                throw aliasTaken(mapped, by: holder)
            }
        }
        let created = try await context.client().call(.create(parent.id, type: ResourceType(rawValue: kind), description: .object(description)))
        guard let rid = created?.stringValue else { throw OnePError.malformedAnswer("create gave no RID") }
        if let mapped = context[alias] {
            do {
                _ = try await context.client(actingAs: parent.rid).call(.map(.rid(rid), alias: mapped))
            } catch {
                // Another client mapped it meanwhile: the new resource goes again.
                _ = try? await context.client().call(.drop(.rid(rid)))
                let holder = try? await context.client(actingAs: parent.rid).call(.lookup(.me, .alias(mapped)))?.stringValue
                if let holder { throw aliasTaken(mapped, by: holder) }
                throw ShellError.failed("create: could not map the alias '\(mapped)' (\(ShellMessage(error: error).text)); nothing was created")
            }
        }
        return .made(Made(fields: ["rid": .string(rid), "name": .string(leaf), "type": .string(kind)], text: rid))
    }

    private static func aliasTaken(_ alias: String, by holder: String) -> ShellError {
        ShellError.failed("create: '\(alias)' already names \(holder); nothing was created: choose another alias, or 'unmap \(alias)' first")
    }

    private static func describe(type kind: String, name: String, context: inout CommandContext) async throws -> JSONObject {
        let arguments = context.arguments
        try checkApplies(to: kind, arguments)
        var description: JSONObject = ["name": .string(name)]
        if let text = arguments[meta] { description["meta"] = .string(text) }
        if arguments[isPublic] { description["public"] = true }
        switch kind {
        case "client":
            description["limits"] = .object(JSONObject(DescriptionOptions.clientLimitKeys.map { ($0, JSON.string("inherit")) }))
            return description
        case "dataport", "datarule":
            description["format"] = .string(
                arguments[format] ?? (kind == "datarule" && DescriptionOptions.isScript(arguments) ? "string" : "float"))
        default:
            description["method"] = .string(arguments[DescriptionOptions.method] ?? "email")
            description["recipient"] = .string(arguments[DescriptionOptions.recipient] ?? "")
            description["subject"] = .string(arguments[DescriptionOptions.subject] ?? "")
            description["message"] = .string(arguments[DescriptionOptions.message] ?? "")
        }
        if kind == "datarule" {
            // --json may carry the rule instead of the options.
            if let rule = try DescriptionOptions.rule(command: "create", arguments, scriptSource: try context.scriptFileSource()) {
                description["rule"] = rule
            } else if arguments[json]?["rule"] == nil {
                throw ShellError(.missingArgument(command: "create", argument: "--when KIND (or --rule JSON) for a datarule"))
            }
        }
        for (key, value) in try await DescriptionOptions.pipelineFields(command: "create", context: &context) { description[key] = value }
        return description
    }

    /// Refuses options that describe a type other than the one being created.
    private static func checkApplies(to kind: String, _ arguments: ParsedArguments) throws {
        var foreign: [(names: [String], owner: String)] = []
        if kind != "datarule" { foreign.append((DescriptionOptions.ruleOptionNames, "a datarule")) }
        if kind != "dispatch" { foreign.append((DescriptionOptions.dispatchOptionNames, "a dispatch")) }
        if kind == "client" || kind == "dispatch" { foreign.append((["format"], "a dataport or datarule")) }
        if kind == "client" { foreign.append((DescriptionOptions.pipelineOptionNames, "a dataport, datarule or dispatch")) }
        for (names, owner) in foreign {
            if let option = DescriptionOptions.given(names, in: arguments).first {
                throw DescriptionOptions.conflict("create", "--\(option)", "applies only to \(owner), not to a \(kind)")
            }
        }
    }

    static let source = OptionalArgument<String>("SOURCE", "the client to copy (or --share CODE)", type: .path)
    static let shareCode = Option<String>("share", "CODE", "copy the client shared with this code (nobody may have activated it)", secret: true)
    static let noAliases = Flag("no-aliases", synonyms: ["noaliases"], "do not copy aliases")
    static let noHistory = Flag("no-history", synonyms: ["nohistorical"], "do not copy points")
    static let noActivate = Flag(
        "no-activate", synonyms: ["noactivate"], "leave the copy's CIK not activated (it does not work until 'activate client CIK')")

    static let clone = CommandSpec(
        words: ["clone"],
        abstract: "Copy a client (with its resources) under the current client",
        discussion:
            "The source is a client below you, or, with --share CODE, a client shared with a code nobody has activated yet (exoline's "
            + "'clone --share'). The platform makes the copy's CIK not activated; clone activates it, as exoline does, unless --no-activate.",
        arguments: [source, shareCode, noAliases, noHistory, noActivate],
        examples: ["clone device1", "clone device1 --no-history", "clone --share 0123456789abcdef0123456789abcdef01234567 --no-activate"],
        effect: .changes,
        run: { context in
            let here = try await context.resolve(".")
            let origin: CloneSource
            switch (context[source], context[shareCode]) {
            case (let path?, nil):
                let original = try await context.resolve(path)
                // The source's type is checked first: a clone of anything else is refused with nothing copied.
                let source = try await context.client().call(.info(.rid(original.rid), options: [.basic]))
                if let type = source?["basic"]?["type"]?.stringValue, type != "client" {
                    throw ShellError.failed("clone: '\(original.text)' is a \(type); only clients can be cloned")
                }
                origin = .rid(original.rid)
            case (nil, let code?):
                guard ResourcePath.isRID(code.lowercased()) else {
                    throw ShellError(.invalidValue(command: "clone", argument: "--share", value: "<code>", expected: "a 40-hex share code"))
                }
                origin = .code(code.lowercased())
            case (_?, _?):
                throw DescriptionOptions.conflict("clone", "--share", "names the source itself: give SOURCE or --share CODE, not both")
            case (nil, nil):
                throw ShellError(.missingArgument(command: "clone", argument: "SOURCE (or --share CODE)"))
            }
            let rid: String
            do {
                let cloned = try await context.client().call(
                    .clone(here.id, origin, noAliases: context[noAliases], noHistorical: context[noHistory]))
                guard let made = cloned?.stringValue else { throw OnePError.malformedAnswer("clone gave no RID") }
                rid = made
            } catch let error as OnePError where error.callStatus == .failed("invalid") {
                guard case .code = origin else { throw error }
                throw ShellError.failed(
                    "clone: no client is shared with that code, or someone activated it already: 'share CLIENT' makes a new code")
            }
            // Only the direct owner may see a client's key.
            let info = try? await context.client(actingAs: here.rid).call(.info(.rid(rid), options: [.key]))
            let cik = info?["key"]?.stringValue
            if let cik, !context[noActivate] {
                _ = try await context.client().call(.activate(here.id, .client, code: cik))
            }
            var fields: JSONObject = ["rid": .string(rid)]
            if let cik { fields["cik"] = .string(cik) }
            return .made(Made(fields: fields, text: cik.map { "rid: \(rid)\ncik: \($0)" } ?? rid))
        }
    )
}
