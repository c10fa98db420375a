import OnePJSON

/// Every reason the shell can name for a refusal of the platform, one row each (see ``Refusal``).
///
/// The rules are the platform's own (rpc.md, and the embedded platform that follows it); rows
/// that the arguments decide are checked before sending, the others explain a refusal afterwards.
enum RefusalTable {
    static let rows: [Refusal] = beforeSending + points + descriptions + places + codes + [unreachable]

    // MARK: Checked before sending

    static let beforeSending: [Refusal] = [
        .value(["create", "update"], DescriptionOptions.retentionCount, remedy: "keep 0 or more points (leave it out to keep all)") {
            $0 < 0 ? (String($0), "is negative") : nil
        },
        .value(
            ["create", "update"], DescriptionOptions.retentionDuration, remedy: "keep points 0 or more hours (leave it out to keep them for ever)"
        ) { $0 < 0 ? (String($0), "is negative") : nil },
        .arguments(["create"], "--json field", remedy: "see 'help create' for each field") { arguments in
            arguments[CreateCommand.json].flatMap { DescriptionRules.problem(in: $0) }
        },
        .arguments(["update"], "--json field", remedy: "see 'help update' for each field") { arguments in
            arguments[ResourceCommands.fields].flatMap { DescriptionRules.problem(in: $0) }
        },
        .arguments(["map"], AliasCommands.alias.declaration.displayName, remedy: "an alias is at least one character") { arguments in
            arguments[AliasCommands.alias].isEmpty ? Refusal.Finding(value: "", reason: "is empty") : nil
        },
    ]

    // MARK: Points: write, writegroup, flush, wait

    private static let resourceWord = WriteCommands.resource.declaration.displayName

    static let points: [Refusal] = [
        .resource(
            ["write", "flush", "wait"], resourceWord, on: ["invalid"], remedy: "use one of its dataports or datarules ('ls' lists them)",
            subjects: { [Refusal.Subject(path: $0[WriteCommands.resource])] }
        ) { facts, subject, _ in
            facts.type == "client" ? Refusal.Finding(value: subject.path, reason: "is a client, which keeps no points") : nil
        },
        .resource(
            ["write"], WriteCommands.value.declaration.displayName, on: ["invalid"], remedy: "",
            subjects: { [Refusal.Subject(path: $0[WriteCommands.resource], value: $0[WriteCommands.value])] }, misfit),
        .resource(
            ["writegroup"], WriteCommands.pairs.declaration.displayName, on: ["invalid"], remedy: "",
            subjects: { arguments in
                arguments[WriteCommands.pairs].compactMap { pair in
                    guard let equals = pair.firstIndex(of: "=") else { return nil }
                    return Refusal.Subject(path: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]))
                }
            }
        ) { facts, subject, arguments in
            if facts.type == "client" {
                return Refusal.Finding(
                    value: subject.path + "=" + (subject.value ?? ""), reason: "names a client, which keeps no points",
                    remedy: "write to its dataports or datarules")
            }
            return misfit(facts, subject, arguments).map {
                Refusal.Finding(value: subject.path + "=" + (subject.value ?? ""), reason: $0.reason, remedy: $0.remedy)
            }
        },
    ]

    /// A value that does not fit the format of the dataport it goes to.
    static let misfit: @Sendable (ResourceFacts, Refusal.Subject, ParsedArguments) -> Refusal.Finding? = { facts, subject, _ in
        guard let value = subject.value, let format = facts.format, let reason = FormatExplanation.reason(value, format: format) else { return nil }
        return Refusal.Finding(value: value, reason: reason, remedy: "'\(facts.name)' is \(facts.described)")
    }

    // MARK: Descriptions: create, update

    /// The client a `create NAME` goes under: the path before the last `/`.
    static func parentPath(_ name: String) -> String {
        guard let slash = name.lastIndex(of: "/") else { return "." }
        let parent = String(name[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    private static let subscribeWord = DescriptionOptions.subscribe.declaration.displayName

    static let descriptions: [Refusal] = [
        .resource(
            ["create"], CreateCommand.name.declaration.displayName, on: ["invalid"], remedy: "create under a client",
            subjects: { [Refusal.Subject(path: parentPath($0[CreateCommand.name]), value: $0[CreateCommand.name])] }
        ) { facts, subject, _ in
            guard facts.isReachable, facts.type != "client" else { return nil }
            return Refusal.Finding(value: subject.value, reason: "is under '\(facts.path)', \(facts.described)")
        },
        .resource(
            ["create"], CreateCommand.name.declaration.displayName, on: ["limit"], remedy: "",
            subjects: { [Refusal.Subject(path: parentPath($0[CreateCommand.name]), value: $0[CreateCommand.name])] }
        ) { facts, subject, arguments in
            limitReached(facts, kind: arguments[CreateCommand.type], value: subject.value)
        },
        .resource(
            ["create", "update"], subscribeWord, on: ["invalid", "restricted"], remedy: "subscribe to a dataport or datarule under your client",
            subjects: { $0[DescriptionOptions.subscribe].map { [Refusal.Subject(path: $0)] } ?? [] }
        ) { facts, subject, _ in
            if !facts.isReachable { return Refusal.Finding(value: subject.path, reason: "is outside what these credentials reach") }
            return facts.type == "client" ? Refusal.Finding(value: subject.path, reason: "is a client, which keeps no points") : nil
        },
        .resource(
            ["update"], "--json field", on: ["invalid"], remedy: "create another resource with the new --format",
            subjects: { [Refusal.Subject(path: $0[ResourceCommands.resource])] }
        ) { facts, _, arguments in
            guard let format = arguments[ResourceCommands.fields]?["format"]?.stringValue, let current = facts.format, format != current else {
                return nil
            }
            return Refusal.Finding(value: "format", reason: "cannot change once the resource is made: '\(facts.name)' is \(facts.described)")
        },
    ]

    /// `limit`: the client that would own one more has none to spare.
    static func limitReached(_ facts: ResourceFacts, kind: String, value: String?) -> Refusal.Finding? {
        guard facts.isReachable else { return nil }
        let owns = facts.count(kind).map { " and owns \($0)" } ?? ""
        let reason: String
        if let most = facts.limit(kind)?.intValue {
            reason = "would pass a limit: '\(facts.name)' may own \(most) \(kind)\(most == 1 ? "" : "s")\(owns)"
        } else {
            reason = "would pass a limit: '\(facts.name)' inherits its \(kind) limit from its owner, which is reached"
        }
        return Refusal.Finding(
            value: value, reason: reason,
            remedy: "drop one, or have the owner raise limits.\(kind) ('update \(facts.path) --json '{\"limits\": {\"\(kind)\": N}}'')")
    }

    // MARK: Places: move, map, lookup, share

    static let places: [Refusal] = [
        .resource(
            ["move"], ResourceCommands.destination.declaration.displayName, on: ["invalid"], remedy: "move it under a client outside it",
            subjects: { [Refusal.Subject(path: $0[ResourceCommands.destination])] }
        ) { facts, subject, _ in
            guard facts.isReachable else { return nil }
            if facts.type != "client" { return Refusal.Finding(value: subject.path, reason: "is \(facts.described), not a client") }
            return Refusal.Finding(value: subject.path, reason: "is the resource that moves, or lies below it")
        },
        .resource(
            ["move"], ResourceCommands.moved.declaration.displayName, on: ["restricted"], remedy: "its owner moves it ('auth' as the owner)",
            subjects: { [Refusal.Subject(path: $0[ResourceCommands.moved])] }
        ) { facts, subject, _ in
            facts.isCaller ? Refusal.Finding(value: subject.path, reason: "is the client these credentials belong to") : nil
        },
        .resource(
            ["move"], ResourceCommands.destination.declaration.displayName, on: ["limit"], remedy: "",
            subjects: { [Refusal.Subject(path: $0[ResourceCommands.destination])] }
        ) { facts, subject, _ in
            guard facts.isReachable else { return nil }
            return Refusal.Finding(
                value: subject.path, reason: "has no room for what moves: it (or an owner it inherits from) is at a limit",
                remedy: "'info \(subject.path) --include counts,description' shows its counts and limits")
        },
        .resource(
            ["map"], AliasCommands.alias.declaration.displayName, on: ["inuse"], remedy: "choose another alias, or 'unmap' it first",
            subjects: { [Refusal.Subject(path: $0[AliasCommands.alias], value: $0[AliasCommands.alias])] }
        ) { facts, subject, _ in
            let holder = facts.rid.map { " (\($0))" } ?? ""
            let reason = facts.isReachable ? "already names '\(facts.name)'\(holder)" : "already names another resource"
            return Refusal.Finding(value: subject.value, reason: reason)
        },
        .resource(
            ["lookup"], AliasCommands.lookedUp.declaration.displayName, on: ["invalid"],
            remedy: "'info . --include aliases' lists the aliases here", subjects: here
        ) { _, _, arguments in
            arguments[AliasCommands.lookedUp].map { Refusal.Finding(value: $0, reason: "is not an alias of this client") }
        },
        .resource(
            ["lookup"], AliasCommands.share.declaration.displayName, on: ["notfound", "invalid"],
            remedy: "check the code ('info RES --include shares' lists a resource's codes)", subjects: here
        ) { _, _, arguments in
            arguments[AliasCommands.share].map { _ in Refusal.Finding(value: nil, reason: "names no share") }
        },
        .resource(
            ["lookup"], AliasCommands.owner.declaration.displayName, on: ["restricted"], remedy: "a client does not learn its own owner",
            subjects: { $0[AliasCommands.owner].map { [Refusal.Subject(path: $0)] } ?? [] }
        ) { facts, subject, _ in
            facts.isCaller ? Refusal.Finding(value: subject.path, reason: "is the client these credentials belong to") : nil
        },
        .resource(
            ["share"], ShareCommands.shared.declaration.displayName, on: ["limit"], remedy: "", subjects: { _ in [Refusal.Subject(path: "/")] }
        ) { facts, _, arguments in
            limitReached(facts, kind: "share", value: arguments[ShareCommands.shared])
        },
    ]

    private static let here: @Sendable (ParsedArguments) -> [Refusal.Subject] = { _ in [Refusal.Subject(path: ".")] }

    // MARK: Codes: activate, deactivate, grant

    private static let codeWord = ShareCommands.code.declaration.displayName

    static let codes: [Refusal] = [
        .resource(["activate"], codeWord, on: ["invalid"], remedy: "", subjects: here) { _, _, arguments in
            arguments[ShareCommands.kind] == "client"
                ? Refusal.Finding(
                    value: nil, reason: "is no client's CIK, or that CIK is activated already",
                    remedy: "'revoke client CIK' gives a client a new CIK to activate")
                : Refusal.Finding(
                    value: nil, reason: "names no share, or the share is activated already, or this client holds that resource's share already",
                    remedy: "'lookup --share CODE' tells whether the code exists; 'deactivate share CODE' ends an activation")
        },
        .resource(["deactivate"], codeWord, on: ["invalid"], remedy: "", subjects: here) { _, _, arguments in
            arguments[ShareCommands.kind] == "client"
                ? Refusal.Finding(value: nil, reason: "is no client's CIK", remedy: "check it, or 'keys' for saved ones")
                : Refusal.Finding(
                    value: nil, reason: "names no share this client activated", remedy: "'info . --include shares' lists what it holds")
        },
        .resource(["activate", "deactivate"], codeWord, on: ["noauth"], remedy: "", subjects: here) { _, _, _ in
            Refusal.Finding(
                value: nil, reason: "belongs to a client that is not below this one", remedy: "'cd' to a client that owns it, or 'auth' as one")
        },
        .resource(
            ["grant"], ShareCommands.ttl.declaration.displayName, on: ["invalid"], remedy: "give fewer seconds",
            subjects: { [Refusal.Subject(path: $0[ShareCommands.granted])] }
        ) { facts, _, arguments in
            guard facts.isReachable, let seconds = arguments[ShareCommands.ttl] else { return nil }
            return Refusal.Finding(value: String(seconds), reason: "runs past the last time the platform holds")
        },
    ]

    // MARK: Any resource out of reach

    /// `restricted`: the resource a path argument names lies outside the credentials' reach.
    static let unreachable: Refusal = {
        let specs = CommandTable.all.filter { !pathArguments($0).isEmpty }
        var names: [String] = []
        for declaration in specs.flatMap(pathArguments) where !names.contains(declaration.displayName) {
            names.append(declaration.displayName)
        }
        return Refusal(
            commands: Set(specs.map(\.name)), argument: "RES",
            check: .afterRefusal(
                statuses: ["restricted"],
                subjects: { [names] arguments in
                    names.flatMap { name in arguments.texts(ofPositional: name).map { Refusal.Subject(path: $0, label: name) } }
                },
                test: { facts, subject, _ in
                    guard facts.status == "restricted" else { return nil }
                    return Refusal.Finding(value: subject.path, reason: "is outside what these credentials reach", argument: subject.label)
                }),
            remedy: "use a path under your client, or 'auth' as a client that owns it (a share lets others only read)")
    }()

    private static func pathArguments(_ spec: CommandSpec) -> [ArgumentDeclaration] {
        spec.arguments.filter { declaration in
            switch declaration {
            case .positional(let positional): return positional.type == .path
            case .option(let option): return option.type == .path
            }
        }
    }
}
