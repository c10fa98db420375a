import OneP
import OnePJSON

/// provision group list|create|info|members|add|remove|delete: groups of serial numbers, content
/// and other groups, which decide who may download protected content.
enum ProvisionGroupCommands {
    static let model = ProvisionModelCommands.model
    static let group = Argument<String>("GROUP", "the group's id")
    static let memberTypes = ["sn", "content", "group"]
    static let meta = Option<String>("meta", "TEXT", "what the group is for")
    static let onlyType = Option<String>("type", "TYPE", "only members of this type", type: .choice(memberTypes))
    static let memberType = Option<String>("type", "TYPE", "what the members are (default sn)", type: .choice(memberTypes))
    static let members = RepeatingArgument<String>("MEMBER", "ids of the members")
    static let expire = Option<Int>("expire", "TS", "unix time the membership ends (0: never)")
    static let membershipMeta = Option<String>("meta", "TEXT", "meta stored with each membership")

    static let list = CommandSpec(
        words: ["provision", "group", "list"],
        abstract: "List a model's groups",
        arguments: [model] + ProvisionPages.options,
        examples: ["provision group list thermostat --all"],
        run: { context in
            let (name, client) = (context[model], try context.provisionClient())
            let records = try await ProvisionPages.records(context, label: "listing groups") { offset, limit in
                try await client.groupList(model: name, offset: offset, limit: limit)
            }
            return .table(ProvisionRows.table(records, columns: ["id", "meta"]))
        }
    )

    static let create = CommandSpec(
        words: ["provision", "group", "create"],
        abstract: "Make a group in a model",
        arguments: [model, group, meta],
        examples: ["provision group create thermostat beta --meta 'beta testers'"],
        effect: .changes,
        run: { context in
            let (name, id) = (context[model], context[group])
            _ = try await context.provisionClient().groupCreate(model: name, id: id, meta: context[meta] ?? "")
            return .done("created group \(id)")
        }
    )

    static let info = CommandSpec(
        words: ["provision", "group", "info"],
        abstract: "Show a group's meta and how many members it has",
        arguments: [model, group],
        run: { context in
            let (name, id) = (context[model], context[group])
            let record = try await context.provisionClient().groupInfo(model: name, id: id).rows.first ?? []
            let fields = ProvisionRows.fitted(record, count: 2, freeText: 0)
            let row: [JSON] = [.string(id), .string(fields[0]), Int(fields[1]).map(JSON.int) ?? .string(fields[1])]
            return .table(Table(columns: ["id", "meta", "members"], rows: [row], rightAligned: [2]))
        }
    )

    static let listMembers = CommandSpec(
        words: ["provision", "group", "members"],
        abstract: "List a group's members",
        arguments: [model, group, onlyType] + ProvisionPages.paging,
        run: { context in
            let (name, id) = (context[model], context[group])
            let (offset, limit) = try ProvisionPages.page(context)
            let client = try context.provisionClient()
            let rows = try await ProvisionPages.records(context, label: "reading members", from: offset, wanted: limit) { offset, limit in
                try await client.groupMembers(model: name, id: id, type: context[onlyType], offset: offset, limit: limit)
            }
            return .table(ProvisionRows.table(rows, columns: ["type", "id", "expire", "meta"], integerColumns: [2]))
        }
    )

    static let add = CommandSpec(
        words: ["provision", "group", "add"],
        abstract: "Add members of one type to a group (or update their expiry and meta)",
        arguments: [model, group, members, memberType, expire, membershipMeta],
        examples: ["provision group add thermostat beta 0001 0002", "provision group add thermostat beta firmware-1.2 --type content"],
        effect: .changes,
        run: { context in
            let (name, id, ids) = (context[model], context[group], context[members])
            if let until = context[expire], until < 0 {
                throw ShellError(
                    .invalidValue(command: context.spec.name, argument: "--expire", value: String(until), expected: "a unix time, or 0 for never"))
            }
            _ = try await context.provisionClient().groupAddMembers(
                model: name, id: id, type: context[memberType] ?? "sn", memberIDs: ids, expire: context[expire] ?? 0,
                meta: context[membershipMeta] ?? "")
            return .done("added \(ids.count) member\(ids.count == 1 ? "" : "s") to \(id)")
        }
    )

    static let remove = CommandSpec(
        words: ["provision", "group", "remove"],
        abstract: "Remove members of one type from a group",
        arguments: [model, group, members, memberType],
        effect: .destroys,
        run: { context in
            let (name, id, ids) = (context[model], context[group], context[members])
            try context.confirm("\(name) \(id)", "\(CommandContext.plural(ids.count, "member")) of group '\(id)'")
            _ = try await context.provisionClient().groupRemoveMembers(model: name, id: id, type: context[memberType] ?? "sn", memberIDs: ids)
            return .done("removed \(ids.count) member\(ids.count == 1 ? "" : "s") from \(id)")
        }
    )

    static let delete = CommandSpec(
        words: ["provision", "group", "delete"],
        abstract: "Delete a group",
        arguments: [model, group],
        effect: .destroys,
        run: { context in
            let (name, id) = (context[model], context[group])
            let client = try context.provisionClient()
            if context.asksBeforeDestroying {
                _ = try await client.groupInfo(model: name, id: id)
                try context.confirm("\(name) \(id)", "group '\(id)' of model '\(name)'")
            }
            _ = try await client.groupDelete(model: name, id: id)
            return .done("deleted group \(id)")
        }
    )
}
