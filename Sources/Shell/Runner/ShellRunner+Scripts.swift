/// Scripts: files, pipes, `source`, `onep -c`.
extension ShellRunner {
    /// Runs script lines in order. Stops at the first failing command unless bail is off
    /// (`--continue-on-error`, `set bail off`); an interrupt always stops.
    /// - Returns: the exit code: 0, the first failure's code when stopping, else the last failure's,
    ///   or the code `exit` gave.
    public func runScript(lines: [String]) async -> Int32 {
        await runLines(lines.map { ScriptLine($0) }).status.code
    }

    /// Runs script lines that know where they come from, so an error names `FILE:LINE:`.
    public func runScript(scriptLines lines: [ScriptLine]) async -> Int32 {
        await runLines(lines).status.code
    }

    /// Runs a whole script text, as read from a pipe (`<stdin>` in errors) or a file.
    public func runScript(source text: String, origin: String = "<stdin>") async -> Int32 {
        await runLines(ScriptLine.lines(of: text, origin: origin)).status.code
    }

    /// `source FILE`: runs the file's lines in this session; `exit` inside it ends the shell too.
    func source(_ path: String) async -> CommandOutcome {
        guard sourceDepth < 16 else {
            return report(ShellError.file(path, "is sourced more than 16 files deep: does it source itself?"))
        }
        let text: String
        do {
            text = try services.configuration.readFile(path)
        } catch {
            return report(ShellError.file(path, "cannot be read"))
        }
        sourceDepth += 1
        defer { sourceDepth -= 1 }
        return await runLines(ScriptLine.lines(of: text, origin: path))
    }

    private func runLines(_ lines: [ScriptLine]) async -> CommandOutcome {
        var failure: CommandOutcome?
        let outer = scriptLocation
        defer { scriptLocation = outer }
        for logical in LogicalLines.join(lines) {
            let text = logical.text
            if echoes, !text.isEmpty { services.output.writeOut(text + "\n") }
            let line = parse(text)
            remember(line)
            scriptLocation = logical.location
            let outcome = await run(line)
            scriptLocation = outer
            if outcome.exitRequested { return outcome }
            if !outcome.succeeded {
                failure = outcome
                if bails || outcome.status == .interrupted { return outcome }
            }
        }
        return failure ?? CommandOutcome(status: .success)
    }

}

/// A line of a script and where it comes from: a file (or `<stdin>`) and its line number there.
public struct ScriptLine: Sendable, Equatable {
    public var text: String
    public var origin: String?
    public var number: Int

    /// A line given on its own (`onep -c`), with no place to name.
    public init(_ text: String, origin: String? = nil, number: Int = 0) {
        self.text = text
        self.origin = origin
        self.number = number
    }

    /// `FILE:LINE`, or nil for a line given on its own.
    var location: String? { origin.map { "\($0):\(number)" } }

    /// A script text's lines, numbered from 1; a final newline does not make an extra empty line.
    public static func lines(of text: String, origin: String?) -> [ScriptLine] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.enumerated().map { ScriptLine($0.element, origin: origin, number: $0.offset + 1) }
    }
}

/// Joins lines that end in a backslash with the next one, as a shell does; the joined line keeps
/// the place of its first line.
enum LogicalLines {
    static func join(_ lines: [ScriptLine]) -> [ScriptLine] {
        var result: [ScriptLine] = []
        var pending: ScriptLine?
        for line in lines {
            var joined = pending.map { ScriptLine($0.text + line.text, origin: $0.origin, number: $0.number) } ?? line
            if Tokenizer.continues(line.text) {
                joined.text.removeLast()
                pending = joined
                continue
            }
            result.append(joined)
            pending = nil
        }
        if let pending { result.append(pending) }
        return result
    }
}
