import OneP
import OnePJSON

/// script ls|status|log|restart|rm: the Lua scripts (script datarules) of a client.
enum ScriptCommands {
    static let script = Argument<String>("NAME", "the script: its name, or an alias, RID or path", type: .path, completion: .scriptPath)

    static let owner = OptionalArgument<String>("CLIENT", "the client whose scripts to list (default: here)", type: .path)

    static let ls = CommandSpec(
        words: ["script", "ls"],
        abstract: "List a client's scripts with their status",
        discussion:
            "Each script's status is running (also while it waits), completed or error, since the time it last changed; a script in error shows the error from its log. Three requests, however many scripts there are.",
        arguments: [owner, CommonOptions.timeFormat],
        examples: ["script ls", "script ls device1"],
        run: { context in
            let client = try await context.resolve(context[owner] ?? ".")
            let scripts = try await states(under: client, path: context[owner] ?? ".", context: context)
            let rows: [[JSON]] = scripts.map { state in
                [
                    .string(state.name), .string(state.status ?? ""), state.since.map(JSON.int) ?? .null, state.error.map(JSON.string) ?? .null,
                    .string(state.rid),
                ]
            }
            var table = Table(columns: ["name", "status", "since", "error", "rid"], rows: rows, timeColumns: [2])
            // People see the error without the RID; programs get every column.
            table.text = .instead(Table(columns: ["name", "status", "since", "error"], rows: rows.map { Array($0.prefix(4)) }, timeColumns: [2]))
            return .table(table)
        }
    )

    /// The scripts directly under a client, by name, with the errors of those that stopped.
    static func states(under client: ResolvedResource, path: String, context: CommandContext) async throws -> [ScriptState] {
        let platform = try context.client()
        let first = try await platform.batch([
            .info(client.id, options: [.basic]), .listing(client.id, types: [.datarule], options: .init(owned: true)),
        ])
        let type = try first[0].get()?["basic"]?["type"]?.stringValue ?? "client"
        guard type == "client" else { throw ShellError.failed("script ls: '\(path)' is a \(type), not a client: scripts belong to clients") }
        let rids = (try first[1].get()?["datarule"]?.arrayValue ?? []).compactMap(\.stringValue)
        guard !rids.isEmpty else { return [] }
        let infos = try await platform.batch(rids.map { .info(.rid($0), options: ScriptState.infoOptions) })
        var scripts = zip(rids, infos).compactMap { ScriptState(rid: $0, info: $1.result, newestLog: nil) }
        let stopped = scripts.indices.filter { scripts[$0].status == "error" }
        if !stopped.isEmpty {
            let logs = try await platform.batch(stopped.map { .read(.rid(scripts[$0].rid), ReadOptions(limit: 1)) })
            for (index, log) in zip(stopped, logs) { scripts[index].error = ScriptState.error(inNewest: log.result) }
        }
        return scripts.sorted { ($0.name, $0.rid) < ($1.name, $1.rid) }
    }

    static let status = CommandSpec(
        words: ["script", "status"],
        abstract: "Show a script's status, and the error that stopped it",
        discussion: "The error is the one the script's log ends with: 'line 7: attempt to ...', or the syntax error of its source.",
        arguments: [script, CommonOptions.timeFormat],
        examples: ["script status convert.lua"],
        run: { context in
            let state = try await context.script(at: context[script]).state
            let row: [JSON] = [
                .string(state.name), .string(state.status ?? ""), state.since.map(JSON.int) ?? .null, state.error.map(JSON.string) ?? .null,
                .string(state.rid),
            ]
            let labels = ["script", "status", "since"] + (state.error == nil ? [] : ["error"])
            return .table(Table(columns: ["name", "status", "since", "error", "rid"], rows: [row], timeColumns: [2], text: .labelled(labels)))
        }
    )

    static let limit = Option<Int>("limit", "N", "the last N lines (default 20)")
    static let follow = Flag("follow", short: "f", "keep printing new lines until interrupted")

    static let log = CommandSpec(
        words: ["script", "log"],
        abstract: "Show a script's log: its debug() output and errors",
        discussion:
            "The log is the script datarule's own points: 'line 3: hello' for debug('hello') on line 3, 'error: line 7: ...' for the error that stopped it, a line for each message sent through dispatch. --follow prints new lines as they come, like 'read --follow', until Ctrl-C.",
        arguments: [script, limit, CommonOptions.timeFormat, follow],
        examples: ["script log convert.lua", "script log convert.lua --follow"],
        run: { context in
            let most = context[limit] ?? 20
            guard most > 0 else {
                throw ShellError(.invalidValue(command: "script log", argument: "--limit", value: String(most), expected: "a positive integer"))
            }
            // Each point holds at least one line, so the last N points hold the last N lines.
            let (resource, _, newestFirst) = try await context.script(at: context[script], points: most)
            let points = Array(newestFirst.reversed())
            let table = ScriptLogView.table(Array(ScriptLogView.rows(points).suffix(most)))
            guard context[follow] else { return .table(table) }
            let sink = context.rowSink(for: ScriptLogView.table([]))
            sink.send(table.rows)
            var view = ScriptLogView(after: points, since: context.now - 1)
            try await view.follow(resource, sink: sink, context: context)
            return nil
        }
    )

    static let restart = CommandSpec(
        words: ["script", "restart"],
        abstract: "Run a script again from the top",
        discussion:
            "Gives the script its own source again through 'update', which starts it again from the top; the source stays exactly as it was.",
        arguments: [script],
        examples: ["script restart convert.lua"],
        effect: .changes,
        run: { context in
            let (resource, state, _) = try await context.script(at: context[script])
            _ = try await context.client().call(
                .update(resource.id, description: ["rule": ["script": .string(state.source)]]))
            return .made(Made(fields: ["name": .string(state.name), "rid": .string(state.rid)], text: "restarted script '\(state.name)'"))
        }
    )

    static let rm = CommandSpec(
        words: ["script", "rm"],
        abstract: "Delete a script, and its log with it",
        arguments: [script],
        examples: ["script rm convert.lua --yes"],
        effect: .destroys,
        run: { context in
            let resource = try await context.script(at: context[script]).resource
            if context.asksBeforeDestroying { try context.confirm(context[script], try await context.summary(of: resource)) }
            _ = try await context.client().call(.drop(resource.id))
            return nil
        }
    )
}
