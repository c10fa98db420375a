import OnePJSON

/// What the shell works out from a line before it runs it, and what Tab offers, without running
/// anything: the benchmarks time these (package access, so it is no part of the public API).
package struct LineWorkbench: Sendable {
    let parser = CommandParser(commands: CommandTable.all)
    let snapshot: CompletionSnapshot

    /// A session that has listed a client with 50 dataports and a device under it.
    package init() {
        let paths = PathCache()
        var children = (0..<50).map { Child(rid: "p\($0)", type: "dataport", info: ["description": ["name": .string("port\($0)")]], alias: nil) }
        children += [
            Child(rid: "t", type: "dataport", info: ["description": ["name": "temperature"]], alias: nil),
            Child(rid: "d", type: "client", info: ["description": ["name": "dev"]], alias: nil),
        ]
        paths.learn(children: children, aliases: [:], under: "root")
        paths.learn(children: [Child(rid: "h", type: "dataport", info: ["description": ["name": "humidity"]], alias: nil)], aliases: [:], under: "d")
        snapshot = CompletionSnapshot(paths: paths, pathRIDs: ["root"])
    }

    /// The one parse a line typed at the prompt gets, and what history reads from it: what a line
    /// costs before its first request. Returns whether every command of it parsed.
    package func prepare(_ line: String) -> Bool {
        let parsed = ParsedLine(line, parser: parser, environment: [:])
        _ = HistoryRedactor.redact(parsed)
        return parsed.problem == nil && parsed.commands.allSatisfy { $0.problem == nil }
    }

    /// The candidates Tab offers with the cursor at the end of `text`.
    package func complete(_ text: String) -> Int {
        Completer(parser: parser, environment: [:], snapshot: snapshot).complete(textBeforeCursor: text).candidates.count
    }
}
