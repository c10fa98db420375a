import OneP
import OnePJSON

/// map, unmap, lookup: aliases in the current client's namespace.
enum AliasCommands {
    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let alias = Argument<String>("ALIAS", "the alias")

    static let map = CommandSpec(
        words: ["map"],
        abstract: "Give a resource an alias in the current client",
        arguments: [resource, alias],
        examples: ["map temperature temp"],
        effect: .changes,
        run: { context in
            let target = try await context.resolve(context[resource])
            let here = try await context.resolve(".")
            _ = try await context.client(actingAs: here.rid).call(.map(.rid(target.rid), alias: context[alias]))
            return nil
        }
    )

    static let unmap = CommandSpec(
        words: ["unmap"],
        abstract: "Remove an alias from the current client",
        arguments: [alias],
        effect: .changes,
        run: { context in
            let here = try await context.resolve(".")
            _ = try await context.client().call(.unmap(here.id, alias: context[alias]))
            return nil
        }
    )

    static let lookedUp = OptionalArgument<String>("ALIAS", "an alias in the current client")
    static let owner = Option<String>("owner", "RES", "the owner of this resource", type: .path)
    static let share = Option<String>("share", "CODE", "the resource shared with this code", secret: true)
    static let cik = Option<String>("cik", "CIK", "the client this CIK (or key name) belongs to", secret: true, completion: .keyName)

    static let lookup = CommandSpec(
        words: ["lookup"],
        abstract: "Find a RID by alias, a resource's owner, a share code, or a CIK",
        arguments: [lookedUp, owner, share, cik],
        examples: ["lookup temp", "lookup --owner temperature", "lookup --share 0123...", "lookup --cik mydevice"],
        run: { context in
            if let given = context[cik] {
                let key = try context.services.keyStore.credentials(given)
                let answer = try await context.client().with(auth: key.auth, me: nil).call(.lookup(.me, .alias("")))
                return .made(Made(fields: ["rid": answer ?? .null], text: answer?.stringValue ?? ""))
            }
            let here = try await context.resolve(".")
            let key: LookupKey
            if let resource = context[owner] {
                key = .owner(.rid(try await context.resolve(resource).rid))
            } else if let code = context[share] {
                key = .shared(code)
            } else if let name = context[lookedUp] {
                key = .alias(name)
            } else {
                throw ShellError(.missingArgument(command: "lookup", argument: "ALIAS, --owner RES, --share CODE or --cik CIK"))
            }
            let answer = try await context.client().call(.lookup(here.id, key))
            return .made(Made(fields: ["rid": answer ?? .null], text: answer?.stringValue ?? ""))
        }
    )
}
