import OneP
import OnePJSON

/// cd, pwd, ls: moving through the hierarchy.
enum NavigationCommands {
    static let cdPath = OptionalArgument<String>("PATH", "a client: name, alias, RID, '..', '/' or '-'", type: .path)
    static let lsPath = OptionalArgument<String>("PATH", "the client to list (default: here)", type: .path)
    static let long = Flag("long", short: "l", "show type, format, alias and RID")

    static let cd = CommandSpec(
        words: ["cd"],
        abstract: "Change the current client",
        discussion: "'cd' alone or 'cd /' goes to the client you are authenticated as, 'cd -' back to the previous place.",
        arguments: [cdPath],
        examples: ["cd device1", "cd ..", "cd /", "cd -"],
        run: { context in
            let target = context[cdPath] ?? "/"
            let current = context.session.path
            if target == "-" {
                guard let previous = context.session.previousPath else { throw ShellError.failed("cd -: no previous place yet") }
                context.session.path = previous
            } else {
                let resolved = try await context.resolve(target)
                if !resolved.segments.isEmpty {
                    let info = try await context.client().call(.info(resolved.id, options: [.basic]))
                    let type = info?["basic"]?["type"]?.stringValue ?? "?"
                    guard type == "client" else {
                        throw ShellError.failed("cd: '\(target)' is a \(type), not a client: use 'info \(target)' or 'read \(target)'")
                    }
                }
                context.session.path = resolved.segments
            }
            context.session.previousPath = current
            return nil
        }
    )

    static let pwd = CommandSpec(
        words: ["pwd"],
        abstract: "Show the current path and its RID",
        run: { context in
            let root = try await context.root()
            let rid = context.session.path.last?.rid ?? root.rid
            return .table(Table(columns: ["path", "rid"], rows: [[.string(context.session.pathText), .string(rid)]], showsHeader: false))
        }
    )

    static let ls = CommandSpec(
        words: ["ls"],
        aliases: [["listing"]],
        abstract: "List the resources under a client",
        arguments: [lsPath, long],
        examples: ["ls", "ls -l device1"],
        run: { context in
            let resolved = try await context.resolve(context[lsPath] ?? ".")
            let children = try await context.children(of: resolved)
            let rows: [[JSON]] = children.map {
                [.string($0.label), .string($0.type), .string($0.format ?? ""), .string($0.alias ?? ""), .string($0.rid)]
            }
            var table = Table(columns: ["name", "type", "format", "alias", "rid"], rows: rows)
            // Resources activated through a share are marked; the column shows only when there are some.
            if children.contains(where: \.shared) {
                table.columns.append("shared")
                table.rows = zip(rows, children).map { $0 + [.bool($1.shared)] }
            }
            if !context[long] {
                // People see names only, clients marked as places to go on to; programs get every column.
                let names: [[JSON]] = children.map {
                    [.string(($0.type == "client" ? $0.label + "/" : $0.label) + ($0.shared ? "  (shared)" : ""))]
                }
                table.text = .instead(Table(columns: ["name"], rows: names, showsHeader: false))
            }
            return .table(table)
        }
    )
}
