import OneP
import OnePJSON

/// share, activate, deactivate, revoke, grant, tag: giving others access.
enum ShareCommands {
    static let shared = Argument<String>("RES", "the resource to share", type: .path)
    static let meta = Option<String>("meta", "TEXT", "what the share is for")

    static let existing = Option<String>("share", "CODE", "change the meta of this existing share instead of making a new code", secret: true)

    static let share = CommandSpec(
        words: ["share"],
        abstract: "Create a share code for a resource, or change an existing share's meta",
        discussion:
            "With --share CODE and --meta TEXT the share keeps its code and gets TEXT as its meta (exoline's 'share --share'); "
            + "'info RES --include shares' lists a resource's codes and metas.",
        arguments: [shared, meta, existing],
        examples: [
            "share temperature --meta 'for the dashboard'",
            "share temperature --meta 'for the wall display' --share 0123456789abcdef0123456789abcdef01234567",
        ],
        effect: .changes,
        run: { context in
            if context[existing] != nil, context[meta] == nil {
                throw ShellError(.missingArgument(command: "share", argument: "--meta TEXT with --share CODE (the share's new meta)"))
            }
            let resource = try await context.resolve(context[shared])
            guard let old = context[existing] else {
                let code = try await context.client().call(.share(resource.id, meta: context[meta]))
                return .made(Made(fields: ["code": code ?? .null], text: code?.stringValue ?? ""))
            }
            do {
                _ = try await context.client().call(.share(resource.id, meta: context[meta], code: old))
            } catch let error as OnePError where error.callStatus == .failed("invalid") {
                throw ShellError.failed(
                    "share: '\(resource.text)' has no share with that code: 'info \(context[shared]) --include shares' lists its codes")
            }
            return .made(Made(fields: ["code": .string(old), "meta": .string(context[meta] ?? "")], text: "changed the meta of the share"))
        }
    )

    static let kinds = ["share", "client"]
    static let kind = Argument<String>("KIND", "what the code is", type: .choice(kinds))
    static let code = Argument<String>("CODE", "the share code or CIK", secret: true)

    static func codeSpec(_ word: String, abstract: String, effect: CommandEffect, call: @escaping @Sendable (ResourceID, CodeKind, String) -> Call?)
        -> CommandSpec
    {
        CommandSpec(
            words: [word],
            abstract: abstract,
            arguments: [kind, code],
            examples: ["\(word) share 0123456789abcdef0123456789abcdef01234567"],
            effect: effect,
            run: { context in
                let here = try await context.resolve(".")
                guard let request = call(here.id, CodeKind(rawValue: context[kind]) ?? .share, context[code]) else { return nil }
                _ = try await context.client().call(request)
                return nil
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
        arguments: [kind, code],
        examples: ["revoke share 0123456789abcdef0123456789abcdef01234567"],
        effect: .destroys,
        run: { context in
            let codeKind = CodeKind(rawValue: context[kind]) ?? .share
            let revoked = context[code]
            let client = try context.client()
            // Whose key it is can only be asked with the key itself, before it stops working.
            var holder: String?
            if codeKind == .client {
                holder = try? await client.with(auth: .cik(revoked), me: nil).call(.lookup(.me, .alias("")))?.stringValue
            }
            if context.asksBeforeDestroying {
                // Found first, so a code that names nothing is reported without a question.
                let subject = "\(codeKind.rawValue) \(HexMask.masking(revoked) { "<code>" })"
                if codeKind == .share {
                    let found = try await client.batch([.lookup(.me, .shared(revoked))]).first
                    guard let shared = found?.result?.stringValue, found?.status.isOK == true else {
                        throw ShellError.failed("revoke: no share with that code here: 'info RES --include shares' lists a resource's codes")
                    }
                    let target = ResolvedResource(segments: [PathSegment(rid: shared, name: shared)], root: PathSegment(rid: shared, name: ""))
                    try context.confirm(subject, "the share of " + (try await context.summary(of: target)))
                } else {
                    guard let holder else { throw ShellError.failed("revoke: that CIK names no client: check it, or 'keys' for saved ones") }
                    try context.confirm(subject, "the CIK of client \(holder)")
                }
            }
            _ = try await client.call(.revoke(codeKind, code: revoked))
            guard let holder else { return nil }
            // Only the direct owner sees a client's key.
            let owner = try await client.call(.lookup(.me, .owner(.rid(holder))))?.stringValue
            let key = try await context.client(actingAs: owner).call(.info(.rid(holder), options: [.key]))?["key"]?.stringValue
            guard let key else { return nil }
            return .made(Made(fields: ["rid": .string(holder), "cik": .string(key)], text: key))
        }
    )

    static let granted = Argument<String>("RES", "the resource", type: .path)
    static let allow = Option<[String]>("allow", "P,...", "procedures the token may call, e.g. read,write", type: .list([]))
    static let ttl = Option<Int>("ttl", "S", "the token expires after S seconds")

    static let grant = CommandSpec(
        words: ["grant"],
        abstract: "Make a token that may call the given procedures on a resource",
        arguments: [granted, allow, ttl],
        examples: ["grant temperature --allow read --ttl 3600"],
        effect: .changes,
        run: { context in
            guard let procedures = context[allow] else { throw ShellError(.missingArgument(command: "grant", argument: "--allow")) }
            if let seconds = context[ttl], seconds <= 0 {
                throw ShellError(.invalidValue(command: "grant", argument: "--ttl", value: String(seconds), expected: "a positive number of seconds"))
            }
            let resource = try await context.resolve(context[granted])
            let token = try await context.client().call(.grant(resource.id, permissions: [resource.rid: procedures], ttl: context[ttl]))
            return .made(Made(fields: ["token": token ?? .null], text: token?.stringValue ?? ""))
        }
    )

    static let tagged = Argument<String>("RES", "the resource", type: .path)
    static let action = Argument<String>("ACTION", "add or remove", type: .choice(["add", "remove"]))
    static let tagName = Argument<String>("TAG", "the tag")

    static let tag = CommandSpec(
        words: ["tag"],
        abstract: "Add or remove a tag on a resource",
        arguments: [tagged, action, tagName],
        examples: ["tag temperature add outdoor"],
        effect: .changes,
        run: { context in
            let name = context[tagName]
            guard !name.isEmpty else {
                throw ShellError(.invalidValue(command: "tag", argument: "TAG", value: "", expected: "a tag that is not empty"))
            }
            let resource = try await context.resolve(context[tagged])
            _ = try await context.client().call(.tag(resource.id, TagAction(rawValue: context[action]) ?? .add, name))
            return nil
        }
    )
}
