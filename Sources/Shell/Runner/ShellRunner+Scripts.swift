/// Scripts: files, pipes, `source`, `onep -c`.
extension ShellRunner {
    /// Runs script lines in order. Stops at the first failing command unless bail is off
    /// (`--continue-on-error`, `set bail off`); an interrupt always stops.
    /// - Returns: the exit code: 0, the first failure's code when stopping, else the last failure's,
    ///   or the code `exit` gave.
    public func runScript(lines: [String]) async -> Int32 {
        await runLines(lines).status.code
    }

    /// Runs a whole script text, as read from a file or a pipe.
    public func runScript(source text: String) async -> Int32 {
        await runLines(ShellRunner.lines(of: text)).status.code
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
        return await runLines(ShellRunner.lines(of: text))
    }

    private func runLines(_ lines: [String]) async -> CommandOutcome {
        var failure: CommandOutcome?
        for text in LogicalLines.join(lines) {
            if echoes, !text.isEmpty { services.output.writeOut(text + "\n") }
            let line = parse(text)
            remember(line)
            let outcome = await run(line)
            if outcome.exitRequested { return outcome }
            if !outcome.succeeded {
                failure = outcome
                if bails || outcome.status == .interrupted { return outcome }
            }
        }
        return failure ?? CommandOutcome(status: .success)
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Joins lines that end in a backslash with the next one, as a shell does.
enum LogicalLines {
    static func join(_ lines: [String]) -> [String] {
        var result: [String] = []
        var pending = ""
        for line in lines {
            if Tokenizer.continues(line) {
                pending += String(line.dropLast())
                continue
            }
            result.append(pending + line)
            pending = ""
        }
        if !pending.isEmpty { result.append(pending) }
        return result
    }
}
