import OnePJSON

/// keys, keys add, keys rm: named CIKs in the config file.
enum KeyCommands {
    static let list = CommandSpec(
        words: ["keys"],
        abstract: "List saved key names (onep's config and ~/.exoline)",
        run: { context in
            let keys = try context.services.keyStore.keys()
            // The CIKs themselves are never printed: only a short tail to tell keys apart.
            let rows: [[JSON]] = keys.map { [.string($0.name), .string("…" + String($0.cik.suffix(4))), .string($0.source)] }
            return .table(Table(columns: ["name", "cik", "source"], rows: rows))
        }
    )

    static let name = Argument<String>("NAME", "the name to use with 'auth NAME'")
    static let cik = Argument<String>("CIK", "the 40-hex CIK", secret: true)

    static let add = CommandSpec(
        words: ["keys", "add"],
        abstract: "Save a CIK under a name",
        arguments: [name, cik],
        examples: ["keys add mydevice 0123456789abcdef0123456789abcdef01234567"],
        effect: .changes,
        run: { context in
            let (saved, key) = (context[name], context[cik])
            guard ResourcePath.isRID(key) else {
                throw ShellError(.invalidValue(command: "keys add", argument: "CIK", value: "…", expected: "40 hex digits"))
            }
            try context.services.keyStore.add(name: saved, cik: key)
            return .message("saved key \(saved)")
        }
    )

    static let savedName = Argument<String>("NAME", "a name from 'keys'", completion: .keyName)

    static let remove = CommandSpec(
        words: ["keys", "rm"],
        abstract: "Forget a saved key name",
        arguments: [savedName],
        effect: .changes,
        run: { context in
            let forgotten = context[savedName]
            guard try context.services.keyStore.remove(name: forgotten) else {
                let known = try context.services.keyStore.keys().map(\.name)
                throw ShellError(.unknownKey(forgotten, known: known))
            }
            return .message("removed key \(forgotten)")
        }
    )
}
