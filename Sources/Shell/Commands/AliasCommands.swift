import OneP
import OnePJSON

/// map, unmap, lookup: aliases in the current client's namespace.
enum AliasCommands {
    static let map = CommandSpec(
        words: ["map"],
        abstract: "Give a resource an alias in the current client",
        positionals: [
            PositionalSpec(name: "RES", help: "the resource", type: .path),
            PositionalSpec(name: "ALIAS", help: "the alias"),
        ],
        examples: ["map temperature temp"],
        effect: .changes,
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            let here = try await context.resolve(".")
            _ = try await context.client(actingAs: here.rid).call(.map(.rid(resource.rid), alias: context.arguments.required("ALIAS")))
            context.session.knownChildren[here.rid] = nil
        }
    )

    static let unmap = CommandSpec(
        words: ["unmap"],
        abstract: "Remove an alias from the current client",
        positionals: [PositionalSpec(name: "ALIAS", help: "the alias")],
        effect: .changes,
        body: { context in
            let here = try await context.resolve(".")
            _ = try await context.client().call(.unmap(here.id, alias: context.arguments.required("ALIAS")))
            context.session.knownChildren[here.rid] = nil
        }
    )

    static let lookup = CommandSpec(
        words: ["lookup"],
        abstract: "Find a RID by alias, a resource's owner, or a share code",
        positionals: [PositionalSpec(name: "ALIAS", help: "an alias in the current client", isOptional: true)],
        options: [
            .value("owner", "RES", "the owner of this resource", type: .path),
            .value("share", "CODE", "the resource shared with this code", secret: true),
        ],
        examples: ["lookup temp", "lookup --owner temperature", "lookup --share 0123..."],
        body: { context in
            let here = try await context.resolve(".")
            let key: LookupKey
            if let owner = context.arguments.option("owner") {
                key = .owner(.rid(try await context.resolve(owner).rid))
            } else if let code = context.arguments.option("share") {
                key = .shared(code)
            } else if let alias = context.arguments.value("ALIAS") {
                key = .alias(alias)
            } else {
                throw ShellError(.missingArgument(command: "lookup", argument: "ALIAS, --owner RES or --share CODE"))
            }
            let answer = try await context.client().call(.lookup(here.id, key))
            context.emit(context.session.settings.format == .text ? .message(answer?.stringValue ?? "") : .value(["rid": answer ?? .null]))
        }
    )
}
