import OnePJSON

/// keys, keys add, keys rm: named CIKs in the config file.
enum KeyCommands {
    static let list = CommandSpec(
        words: ["keys"],
        abstract: "List saved key names (onep's config and ~/.exoline)",
        body: { context in
            let keys = try context.services.keyStore.keys()
            // The CIKs themselves are never printed: only a short tail to tell keys apart.
            let rows: [[JSON]] = keys.map { [.string($0.name), .string("…" + String($0.cik.suffix(4))), .string($0.source)] }
            context.emit(.table(Table(columns: ["name", "cik", "source"], rows: rows)))
        }
    )

    static let add = CommandSpec(
        words: ["keys", "add"],
        abstract: "Save a CIK under a name",
        positionals: [
            PositionalSpec(name: "NAME", help: "the name to use with 'auth NAME'"),
            PositionalSpec(name: "CIK", help: "the 40-hex CIK", isSecret: true),
        ],
        examples: ["keys add mydevice 0123456789abcdef0123456789abcdef01234567"],
        effect: .changes,
        body: { context in
            let name = context.arguments.required("NAME")
            let cik = context.arguments.required("CIK")
            guard ResourcePath.isRID(cik) else {
                throw ShellError(.invalidValue(command: "keys add", argument: "CIK", value: "…", expected: "40 hex digits"))
            }
            try context.services.keyStore.add(name: name, cik: cik)
            context.emit(.message("saved key \(name)"))
        }
    )

    static let remove = CommandSpec(
        words: ["keys", "rm"],
        abstract: "Forget a saved key name",
        positionals: [PositionalSpec(name: "NAME", help: "a name from 'keys'", completion: .keyName)],
        effect: .changes,
        body: { context in
            let name = context.arguments.required("NAME")
            guard try context.services.keyStore.remove(name: name) else {
                let known = try context.services.keyStore.keys().map(\.name)
                throw ShellError(.unknownKey(name, known: known))
            }
            context.emit(.message("removed key \(name)"))
        }
    )
}
