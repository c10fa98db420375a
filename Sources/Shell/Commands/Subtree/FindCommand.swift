import OneP
import OnePJSON

/// find: resources of a subtree by name, alias, RID, type, format, meta, script text, tag, and for
/// provisioned clients model and serial number.
enum FindCommand {
    static let fields = ["path", "name", "alias", "rid", "type", "format", "meta", "tags", "model", "sn"]
    static let types = ["client", "dataport", "datarule", "dispatch"]

    static let pattern = OptionalArgument<String>("PATTERN", "matches a resource's name or any of its aliases")
    static let path = Option<String>("in", "PATH", "the client to search under (default: here)", type: .path)
    static let name = Option<String>("name", "PATTERN", "the name matches")
    static let alias = Option<String>("alias", "PATTERN", "an alias matches")
    static let rid = Option<String>("rid", "PREFIX", "the RID starts with this")
    static let type = Option<[String]>("type", "T,...", "only these types", type: .list(types))
    static let format = Option<String>("format", "FORMAT", "only this format", type: .choice(["float", "integer", "string"]))
    static let meta = Option<String>("meta", "PATTERN", "the meta text contains a match")
    static let script = Option<String>("script", "PATTERN", "a script's Lua source contains a match")
    static let tag = Option<String>("tag", "PATTERN", "a tag matches")
    static let model = Option<String>("model", "PATTERN", "a client provisioned for a model that matches (needs vendor credentials)")
    static let sn = Option<String>("sn", "PATTERN", "a client provisioned for a serial number that matches (needs vendor credentials)")
    static let regex = Flag("regex", short: "E", "patterns are regular expressions found anywhere in the text")
    static let ignoreCase = Flag("ignore-case", short: "i", "patterns ignore case")
    static let level = Option<Int>("level", "N", "search at most N levels below the start")
    static let show = Option<[String]>("show", "F,...", "also show these fields", type: .list(fields))

    static let spec = CommandSpec(
        words: ["find"],
        aliases: [["search"]],
        abstract: "Find resources in a subtree by name, alias, RID, type, format, meta, script, tag, model or serial number",
        discussion:
            "Every criterion given must match. Patterns are globs ('temp*', 'dev?', '[a-c]*') that match the whole name, alias, tag, model or "
            + "serial number, and are found anywhere in meta and script text; with --regex they are regular expressions found anywhere. "
            + "Prints the path of each match (relative to here, or under --in), with --show more fields. Exits 1 when nothing matches. "
            + "Requests grow with the depth of the subtree, not its size; --model and --sn also ask the provisioning API. An alias "
            + "pattern with wildcards (or -i, --regex, --show alias) reads every client's aliases: one more request for each client that "
            + "owns clients two or more levels down, as only a client and its owner may read them.",
        arguments: [pattern, path, name, alias, rid, type, format, meta, script, tag, model, sn, regex, ignoreCase, level, show],
        examples: [
            "find 'temp*'", "find --type dataport --format float --in device1", "find --script 'alias%[' --regex",
            "find --model thermostat --show model,sn,rid", "find --meta unit --show meta",
        ],
        run: { context in try await run(&context) }
    )

    static func run(_ context: inout CommandContext) async throws -> CommandOutput {
        let query = try FindQuery(context)
        if let depth = context[level], depth < 1 {
            throw ShellError(.invalidValue(command: "find", argument: "--level", value: String(depth), expected: "1 or more"))
        }
        let start = try await context.resolve(context[path] ?? ".")
        let shown = context[show] ?? []
        var walker = SubtreeWalker(parts: query.needsTags || shown.contains("tags") ? [.tags] : [], maxDepth: context[level])
        walker.readsAliases = query.needsAliases || shown.contains("alias")
        // One alias by name is looked up in every client at no extra request; reading every
        // alias costs a request per client owning clients two levels down or more.
        if !shown.contains("alias"), let literal = query.aliasLiteral { walker.aliasLookup = literal }
        let root = try await walker.walk(from: start, context: &context)
        let provisioned =
            query.needsProvisioning || shown.contains("model") || shown.contains("sn")
            ? try await ProvisionedClients.read(context, models: query.model) : nil
        var rows: [[JSON]] = []
        for entry in SubtreePaths.entries(of: root) {
            let binding = provisioned?.byRID[entry.resource.rid]
            guard query.matches(entry.resource, provisioned: binding) else { continue }
            let path = SubtreePaths.join(context[self.path], entry.path)
            rows.append([.string(path)] + shown.filter { $0 != "path" }.map { field(entry.resource, $0, binding) })
        }
        let columns = ["path"] + shown.filter { $0 != "path" }
        var table = Table(columns: columns, rows: rows, showsHeader: !shown.isEmpty)
        if shown.isEmpty { table.text = .instead(Table(columns: ["path"], rows: rows, showsHeader: false)) }
        if rows.isEmpty {
            context.services.output.writeErr("find: no resource matches\n")
            context.status = .commandFailed
        }
        return .table(table)
    }

    private static func field(_ resource: SubtreeResource, _ name: String, _ binding: (model: String, sn: String)?) -> JSON {
        switch name {
        case "name": return .string(resource.name)
        case "alias": return .string(resource.aliases.joined(separator: ","))
        case "rid": return .string(resource.rid)
        case "type": return .string(resource.type)
        case "format": return resource.format.map(JSON.string) ?? .null
        case "meta": return .string(resource.meta)
        case "tags": return .string(resource.tags.joined(separator: ","))
        case "model": return binding.map { .string($0.model) } ?? .null
        case "sn": return binding.map { .string($0.sn) } ?? .null
        default: return .null
        }
    }
}

/// The criteria of one `find`, compiled once.
private struct FindQuery {
    var any: TextPattern?
    var name: TextPattern?
    var alias: TextPattern?
    var rid: String?
    var types: Set<String>?
    var format: String?
    var meta: TextPattern?
    var script: TextPattern?
    var tag: TextPattern?
    var model: TextPattern?
    var sn: TextPattern?

    init(_ context: CommandContext) throws(ShellError) {
        let regex = context[FindCommand.regex]
        let folds = context[FindCommand.ignoreCase]
        func compile(_ text: String?, _ option: String) throws(ShellError) -> TextPattern? {
            guard let text else { return nil }
            return try TextPattern(text, regex: regex, ignoresCase: folds, option: option, command: "find")
        }
        any = try compile(context[FindCommand.pattern], "PATTERN")
        name = try compile(context[FindCommand.name], "--name")
        alias = try compile(context[FindCommand.alias], "--alias")
        meta = try compile(context[FindCommand.meta], "--meta")
        script = try compile(context[FindCommand.script], "--script")
        tag = try compile(context[FindCommand.tag], "--tag")
        model = try compile(context[FindCommand.model], "--model")
        sn = try compile(context[FindCommand.sn], "--sn")
        rid = context[FindCommand.rid]?.lowercased()
        if let rid, rid.isEmpty || !rid.allSatisfy(\.isHexDigit) {
            throw ShellError(.invalidValue(command: "find", argument: "--rid", value: rid, expected: "hex digits of a RID"))
        }
        types = context[FindCommand.type].map(Set.init)
        format = context[FindCommand.format]
    }

    var needsAliases: Bool { any != nil || alias != nil }

    /// The one alias every alias criterion is, when each is a literal and they agree.
    var aliasLiteral: String? {
        let given = [any, alias].compactMap { $0 }
        let literals = Set(given.compactMap(\.literal))
        guard !given.isEmpty, literals.count == 1, given.allSatisfy({ $0.literal != nil }) else { return nil }
        return literals.first
    }
    var needsTags: Bool { tag != nil }
    var needsProvisioning: Bool { model != nil || sn != nil }

    func matches(_ resource: SubtreeResource, provisioned: (model: String, sn: String)?) -> Bool {
        if let any, !any.matches(resource.name), !resource.aliases.contains(where: any.matches) { return false }
        if let name, !name.matches(resource.name) { return false }
        if let alias, !resource.aliases.contains(where: alias.matches) { return false }
        if let rid, !resource.rid.hasPrefix(rid) { return false }
        if let types, !types.contains(resource.type) { return false }
        if let format, resource.format != format { return false }
        if let meta, !meta.isFound(in: resource.meta) { return false }
        if let script, !(resource.script.map(script.isFound) ?? false) { return false }
        if let tag, !resource.tags.contains(where: tag.matches) { return false }
        if let model, !(provisioned.map { model.matches($0.model) } ?? false) { return false }
        if let sn, !(provisioned.map { sn.matches($0.sn) } ?? false) { return false }
        return true
    }
}
