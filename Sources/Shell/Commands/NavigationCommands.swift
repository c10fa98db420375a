import OneP
import OnePJSON

/// cd, pwd, ls: moving through the hierarchy.
enum NavigationCommands {
    static let cdPath = OptionalArgument<String>("PATH", "a client: name, alias, RID, '..', '/' or '-'", type: .path)
    static let lsPath = OptionalArgument<String>("PATH", "the client to list (default: here)", type: .path)
    static let long = Flag("long", short: "l", "show type, format, alias and RID")
    static let spark = Flag("spark", "the long listing with a sparkline of the last \(RecentValues.count) values of each numeric dataport")

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
        discussion:
            "--spark shows the long listing with a sparkline for each integer or float dataport or datarule that has two points or more (one request more); "
            + "other resources get an empty cell. Programs (--format json or csv) get the values themselves, oldest first, as 'recent'.",
        arguments: [lsPath, long, spark],
        examples: ["ls", "ls -l device1", "ls -l --spark device1"],
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
            if context[spark] {
                try await addRecentValues(to: &table, of: children, context: &context)
            } else if !context[long] {
                // People see names only, clients marked as places to go on to; programs get every column.
                let names: [[JSON]] = children.map {
                    [.string(($0.type == "client" ? $0.label + "/" : $0.label) + ($0.shared ? "  (shared)" : ""))]
                }
                table.text = .instead(Table(columns: ["name"], rows: names, showsHeader: false))
            }
            return .table(table)
        }
    )

    /// Adds the recent values of each numeric resource (`--spark`): programs get the numbers as a
    /// `recent` column, people a sparkline in a `spark` column; other resources get an empty cell.
    private static func addRecentValues(to table: inout Table, of children: [Child], context: inout CommandContext) async throws {
        let drawn = children.filter { RecentValues.drawable(type: $0.type, format: $0.format) }
        let answers = drawn.isEmpty ? [] : try await context.client().batch(drawn.map { RecentValues.read($0.rid) })
        var recent: [String: [Double]] = [:]
        for (child, answer) in zip(drawn, answers) where answer.status.isOK { recent[child.rid] = RecentValues.numbers(answer.result) }
        let unicode = context.renderSettings.unicode
        var people = table
        people.columns.append("spark")
        people.rows = zip(table.rows, children).map { row, child in
            row + [.string(recent[child.rid].map { TerminalFit.sparkline($0, unicode: unicode) } ?? "")]
        }
        table.columns.append("recent")
        table.rows = zip(table.rows, children).map { row, child in row + [recent[child.rid].map { .array($0.map(JSON.double)) } ?? .null] }
        table.text = .instead(people)
    }
}
