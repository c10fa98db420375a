import OneP
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

    static let reveal = Flag("reveal", "print the whole CIK")

    static let show = CommandSpec(
        words: ["keys", "show"],
        abstract: "Show one saved key, its CIK masked unless --reveal",
        arguments: [savedName, reveal],
        examples: ["keys show mydevice", "keys show mydevice --reveal"],
        run: { context in
            let wanted = context[savedName]
            let keys = try context.services.keyStore.keys()
            guard let key = keys.first(where: { $0.name == wanted }) else { throw ShellError(.unknownKey(wanted, known: keys.map(\.name))) }
            let shown = context[reveal] ? key.cik : String(key.cik.prefix(4)) + String(repeating: "*", count: 32) + String(key.cik.suffix(4))
            return .table(
                Table(
                    columns: ["name", "cik", "source"], rows: [[.string(key.name), .string(shown), .string(key.source)]],
                    text: .labelled(["name", "cik", "source"])))
        }
    )

    static let clean = CommandSpec(
        words: ["keys", "clean"],
        abstract: "Forget saved keys the platform rejects",
        discussion:
            "Asks the platform who each key is (all at once, one request per key, since a request carries one key) and forgets onep's keys "
            + "it answers 401 for. Keys read from ~/.exoline are only reported: onep does not write exoline's file.",
        effect: .changes,
        run: { context in
            let keys = try context.services.keyStore.keys()
            let client = try context.client()
            let rejected = try await withThrowingTaskGroup(of: String?.self) { group in
                for key in keys {
                    group.addTask {
                        do {
                            _ = try await client.with(auth: .cik(key.cik), me: nil).call(.lookup(.me, .alias("")))
                            return nil
                        } catch let error as OnePError where error.requestCode == 401 {
                            return key.name
                        }
                    }
                }
                var names: [String] = []
                for try await name in group { if let name { names.append(name) } }
                return Set(names)
            }
            var lines: [String] = []
            for key in keys where rejected.contains(key.name) {
                if key.source == "onep" {
                    _ = try context.services.keyStore.remove(name: key.name)
                    lines.append("removed key \(key.name)")
                } else {
                    lines.append("key \(key.name) in ~/.exoline is rejected: remove it there")
                }
            }
            return .message(lines.isEmpty ? "every key is accepted" : lines.joined(separator: "\n"))
        }
    )
}
