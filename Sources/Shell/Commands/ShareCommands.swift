import OneP
import OnePJSON

/// share, activate, deactivate, revoke, grant, tag: giving others access.
enum ShareCommands {
    static let share = CommandSpec(
        words: ["share"],
        abstract: "Create a share code for a resource",
        positionals: [PositionalSpec(name: "RES", help: "the resource to share", type: .path)],
        options: [.value("meta", "TEXT", "what the share is for")],
        examples: ["share temperature --meta 'for the dashboard'"],
        effect: .changes,
        body: { context in
            let resource = try await context.resolve(context.arguments.required("RES"))
            let code = try await context.client().call(.share(resource.id, meta: context.arguments.option("meta")))
            context.emit(context.session.settings.format == .text ? .message(code?.stringValue ?? "") : .value(["code": code ?? .null]))
        }
    )

    static let kinds = ["share", "client"]

    static let codePositionals = [
        PositionalSpec(name: "KIND", help: "what the code is", type: .choice(kinds)),
        PositionalSpec(name: "CODE", help: "the share code or CIK", isSecret: true),
    ]

    static func codeSpec(_ word: String, abstract: String, effect: CommandEffect, call: @escaping @Sendable (ResourceID, CodeKind, String) -> Call?)
        -> CommandSpec
    {
        CommandSpec(
            words: [word],
            abstract: abstract,
            positionals: codePositionals,
            examples: ["\(word) share 0123456789abcdef0123456789abcdef01234567"],
            effect: effect,
            body: { context in
                let here = try await context.resolve(".")
                let kind = CodeKind(rawValue: context.arguments.required("KIND")) ?? .share
                guard let request = call(here.id, kind, context.arguments.required("CODE")) else { return }
                _ = try await context.client().call(request)
            }
        )
    }

    static let activate = codeSpec("activate", abstract: "Activate a share code or a client's CIK in the current client", effect: .changes) {
        .activate($0, $1, code: $2)
    }
    static let deactivate = codeSpec("deactivate", abstract: "Deactivate a share or expire a client's CIK", effect: .changes) {
        .deactivate($0, $1, code: $2)
    }
    static let revoke = CommandSpec(
        words: ["revoke"],
        abstract: "Revoke a share code, or replace a client's CIK with a new one",
        discussion:
            "For a client, the new CIK is printed when the old one was active (it names its client); the new CIK starts not activated: 'activate client CIK' makes it work.",
        positionals: codePositionals,
        examples: ["revoke share 0123456789abcdef0123456789abcdef01234567"],
        effect: .destroys,
        body: { context in
            let kind = CodeKind(rawValue: context.arguments.required("KIND")) ?? .share
            let code = context.arguments.required("CODE")
            let client = try context.client()
            // Whose key it is can only be asked with the key itself, before it stops working.
            var holder: String?
            if kind == .client {
                holder = try? await RPCClient(transport: client.transport, auth: .cik(code)).call(.lookup(.me, .alias("")))?.stringValue
            }
            _ = try await client.call(.revoke(kind, code: code))
            guard let holder else { return }
            // Only the direct owner sees a client's key.
            let owner = try await client.call(.lookup(.me, .owner(.rid(holder))))?.stringValue
            let key = try await context.client(actingAs: owner).call(.info(.rid(holder), options: [.key]))?["key"]?.stringValue
            guard let key else { return }
            context.emit(context.session.settings.format == .text ? .message(key) : .value(["rid": .string(holder), "cik": .string(key)]))
        }
    )

    static let grant = CommandSpec(
        words: ["grant"],
        abstract: "Make a token that may call the given procedures on a resource",
        positionals: [PositionalSpec(name: "RES", help: "the resource", type: .path)],
        options: [
            .value("allow", "P,...", "procedures the token may call, e.g. read,write", type: .list([])),
            .value("ttl", "S", "the token expires after S seconds", type: .integer),
        ],
        examples: ["grant temperature --allow read --ttl 3600"],
        effect: .changes,
        body: { context in
            guard let allow = context.arguments.option("allow") else { throw ShellError(.missingArgument(command: "grant", argument: "--allow")) }
            if let ttl = context.arguments.integer("ttl"), ttl <= 0 {
                throw ShellError(.invalidValue(command: "grant", argument: "--ttl", value: String(ttl), expected: "a positive number of seconds"))
            }
            let resource = try await context.resolve(context.arguments.required("RES"))
            let permissions = [resource.rid: allow.split(separator: ",").map(String.init)]
            let token = try await context.client().call(.grant(resource.id, permissions: permissions, ttl: context.arguments.integer("ttl")))
            context.emit(context.session.settings.format == .text ? .message(token?.stringValue ?? "") : .value(["token": token ?? .null]))
        }
    )

    static let tag = CommandSpec(
        words: ["tag"],
        abstract: "Add or remove a tag on a resource",
        positionals: [
            PositionalSpec(name: "RES", help: "the resource", type: .path),
            PositionalSpec(name: "ACTION", help: "add or remove", type: .choice(["add", "remove"])),
            PositionalSpec(name: "TAG", help: "the tag"),
        ],
        examples: ["tag temperature add outdoor"],
        effect: .changes,
        body: { context in
            let tag = context.arguments.required("TAG")
            guard !tag.isEmpty else {
                throw ShellError(.invalidValue(command: "tag", argument: "TAG", value: "", expected: "a tag that is not empty"))
            }
            let resource = try await context.resolve(context.arguments.required("RES"))
            let action = TagAction(rawValue: context.arguments.required("ACTION")) ?? .add
            _ = try await context.client().call(.tag(resource.id, action, tag))
        }
    )
}
