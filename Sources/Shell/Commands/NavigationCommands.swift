import OneP
import OnePJSON

/// cd, pwd, ls: moving through the hierarchy.
enum NavigationCommands {
    static let cd = CommandSpec(
        words: ["cd"],
        abstract: "Change the current client",
        discussion: "'cd' alone or 'cd /' goes to the client you are authenticated as, 'cd -' back to the previous place.",
        positionals: [PositionalSpec(name: "PATH", help: "a client: name, alias, RID, '..', '/' or '-'", type: .path, isOptional: true)],
        examples: ["cd device1", "cd ..", "cd /", "cd -"],
        body: { context in
            let target = context.arguments.value("PATH") ?? "/"
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
        }
    )

    static let pwd = CommandSpec(
        words: ["pwd"],
        abstract: "Show the current path and its RID",
        body: { context in
            let root = try await context.root()
            let rid = context.session.path.last?.rid ?? root.rid
            if context.session.settings.format == .text {
                context.emit(.message("\(context.session.pathText)  \(rid)"))
            } else {
                context.emit(.table(Table(columns: ["path", "rid"], rows: [[.string(context.session.pathText), .string(rid)]])))
            }
        }
    )

    static let ls = CommandSpec(
        words: ["ls"],
        abstract: "List the resources under a client",
        positionals: [PositionalSpec(name: "PATH", help: "the client to list (default: here)", type: .path, isOptional: true)],
        options: [.flag("long", short: "l", "show type, format, alias and RID")],
        examples: ["ls", "ls -l device1"],
        body: { context in
            let resolved = try await context.resolve(context.arguments.value("PATH") ?? ".")
            let children = try await context.children(of: resolved)
            let long = context.arguments.flag("long") || context.session.settings.format != .text
            if long {
                let rows: [[JSON]] = children.map {
                    [.string($0.label), .string($0.type), .string($0.format ?? ""), .string($0.alias ?? ""), .string($0.rid)]
                }
                context.emit(.table(Table(columns: ["name", "type", "format", "alias", "rid"], rows: rows)))
            } else {
                let rows: [[JSON]] = children.map { [.string($0.type == "client" ? $0.label + "/" : $0.label)] }
                context.emit(.table(Table(columns: ["name"], rows: rows, showsHeader: false)))
            }
        }
    )
}
