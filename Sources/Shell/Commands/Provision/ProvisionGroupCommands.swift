import OneP
import OnePJSON

/// provision group list|create|info|members|add|remove|delete: groups of serial numbers, content
/// and other groups, which decide who may download protected content.
enum ProvisionGroupCommands {
    static let model = ProvisionModelCommands.model
    static let group = PositionalSpec(name: "GROUP", help: "the group's id")
    static let memberTypes = ["sn", "content", "group"]
    static let paging: [OptionSpec] = [
        .value("offset", "N", "skip the first N", type: .integer),
        .value("limit", "N", "show at most N (5 to 1000, default 1000)", type: .integer),
    ]

    static let list = CommandSpec(
        words: ["provision", "group", "list"],
        abstract: "List a model's groups",
        positionals: [model],
        options: ProvisionPages.options,
        examples: ["provision group list thermostat --all"],
        body: { context in
            let (name, client) = (context.arguments.required("MODEL"), try context.provisionClient())
            let records = try await ProvisionPages.records(context, label: "listing groups") { offset, limit in
                try await client.groupList(model: name, offset: offset, limit: limit)
            }
            context.emit(.table(ProvisionRows.table(records, columns: ["id", "meta"])))
        }
    )

    static let create = CommandSpec(
        words: ["provision", "group", "create"],
        abstract: "Make a group in a model",
        positionals: [model, group],
        options: [.value("meta", "TEXT", "what the group is for")],
        examples: ["provision group create thermostat beta --meta 'beta testers'"],
        effect: .changes,
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            _ = try await context.provisionClient().groupCreate(model: name, id: id, meta: context.arguments.option("meta") ?? "")
            context.emitDone("created group \(id)")
        }
    )

    static let info = CommandSpec(
        words: ["provision", "group", "info"],
        abstract: "Show a group's meta and how many members it has",
        positionals: [model, group],
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            let record = try await context.provisionClient().groupInfo(model: name, id: id).rows.first ?? []
            let fields = ProvisionRows.fitted(record, count: 2, freeText: 0)
            let row: [JSON] = [.string(id), .string(fields[0]), Int(fields[1]).map(JSON.int) ?? .string(fields[1])]
            context.emit(.table(Table(columns: ["id", "meta", "members"], rows: [row], rightAligned: [2])))
        }
    )

    static let members = CommandSpec(
        words: ["provision", "group", "members"],
        abstract: "List a group's members",
        positionals: [model, group],
        options: [.value("type", "TYPE", "only members of this type", type: .choice(memberTypes))] + paging,
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            let (offset, limit) = try page(context)
            let answer = try await context.provisionClient().groupMembers(
                model: name, id: id, type: context.arguments.option("type"), offset: offset, limit: limit)
            context.emit(.table(ProvisionRows.table(answer.rows, columns: ["type", "id", "expire", "meta"], integerColumns: [2])))
        }
    )

    static let add = CommandSpec(
        words: ["provision", "group", "add"],
        abstract: "Add members of one type to a group (or update their expiry and meta)",
        positionals: [model, group, PositionalSpec(name: "MEMBER", help: "ids of the members", isRepeating: true)],
        options: [
            .value("type", "TYPE", "what the members are (default sn)", type: .choice(memberTypes)),
            .value("expire", "TS", "unix time the membership ends (0: never)", type: .integer),
            .value("meta", "TEXT", "meta stored with each membership"),
        ],
        examples: ["provision group add thermostat beta 0001 0002", "provision group add thermostat beta firmware-1.2 --type content"],
        effect: .changes,
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            let members = context.arguments.values("MEMBER")
            if let expire = context.arguments.integer("expire"), expire < 0 {
                throw ShellError(
                    .invalidValue(command: context.spec.name, argument: "--expire", value: String(expire), expected: "a unix time, or 0 for never"))
            }
            _ = try await context.provisionClient().groupAddMembers(
                model: name, id: id, type: context.arguments.option("type") ?? "sn", memberIDs: members,
                expire: context.arguments.integer("expire") ?? 0, meta: context.arguments.option("meta") ?? "")
            context.emitDone("added \(members.count) member\(members.count == 1 ? "" : "s") to \(id)")
        }
    )

    static let remove = CommandSpec(
        words: ["provision", "group", "remove"],
        abstract: "Remove members of one type from a group",
        positionals: [model, group, PositionalSpec(name: "MEMBER", help: "ids of the members", isRepeating: true)],
        options: [.value("type", "TYPE", "what the members are (default sn)", type: .choice(memberTypes))],
        effect: .destroys,
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            let members = context.arguments.values("MEMBER")
            _ = try await context.provisionClient().groupRemoveMembers(
                model: name, id: id, type: context.arguments.option("type") ?? "sn", memberIDs: members)
            context.emitDone("removed \(members.count) member\(members.count == 1 ? "" : "s") from \(id)")
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "group", "delete"],
        abstract: "Delete a group",
        positionals: [model, group],
        effect: .destroys,
        body: { context in
            let (name, id) = (context.arguments.required("MODEL"), context.arguments.required("GROUP"))
            _ = try await context.provisionClient().groupDelete(model: name, id: id)
            context.emitDone("deleted group \(id)")
        }
    )

    /// `--offset` and `--limit`, checked against what the platform accepts.
    static func page(_ context: CommandContext) throws(ShellError) -> (offset: Int, limit: Int) {
        let offset = context.arguments.integer("offset") ?? 0
        let limit = context.arguments.integer("limit") ?? 1000
        guard offset >= 0 else {
            throw ShellError(.invalidValue(command: context.spec.name, argument: "--offset", value: String(offset), expected: "0 or more"))
        }
        guard (5...1000).contains(limit) else {
            throw ShellError(.invalidValue(command: context.spec.name, argument: "--limit", value: String(limit), expected: "5 to 1000"))
        }
        return (offset, limit)
    }
}
