/// What the shell works out from a line before it runs it, and what Tab offers, without running
/// anything: the benchmarks time these (package access, so it is no part of the public API).
package struct LineWorkbench: Sendable {
    let commands = CommandTable.all
    let snapshot: CompletionSnapshot

    /// A session that has listed a client with 50 dataports and a device under it.
    package init() {
        var snapshot = CompletionSnapshot()
        snapshot.pathRIDs = ["root"]
        var children = (0..<50).map { KnownChild(name: "port\($0)", rid: "p\($0)", isClient: false) }
        children += [KnownChild(name: "temperature", rid: "t", isClient: false), KnownChild(name: "dev", rid: "d", isClient: true)]
        snapshot.knownChildren = ["root": children, "d": [KnownChild(name: "humidity", rid: "h", isClient: false)]]
        self.snapshot = snapshot
    }

    /// History redaction, the confirmation check and the parse for running: what a line typed at
    /// the prompt costs before its first request. Returns whether every command of it parsed.
    package func prepare(_ line: String) -> Bool {
        _ = HistoryRedactor(commands: commands, environment: [:]).redact(line)
        let parser = CommandParser(commands: commands)
        guard let confirmed = try? Tokenizer(environment: [:]).commands(in: line) else { return false }
        for command in confirmed { _ = try? parser.parse(command.texts) }
        guard let run = try? Tokenizer(environment: [:]).commands(in: line) else { return false }
        var parsed = true
        for command in run where (try? parser.parse(command.texts)) == nil { parsed = false }
        return parsed
    }

    /// The candidates Tab offers with the cursor at the end of `text`.
    package func complete(_ text: String) -> Int {
        Completer(commands: commands, environment: [:], snapshot: snapshot).complete(textBeforeCursor: text).candidates.count
    }
}
