/// Scripts: files, pipes, `source`, `onep -c`.
extension ShellRunner {
    /// Runs script lines in order. Stops at the first failing command unless bail is off
    /// (`--continue-on-error`, `set bail off`); an interrupt always stops.
    /// - Returns: the exit code: 0, the first failure's code when stopping, else the last failure's.
    public func runScript(lines: [String]) async -> Int32 {
        var status: Int32 = 0
        for line in LogicalLines.join(lines) {
            if echoes, !line.isEmpty { services.output.writeOut(line + "\n") }
            remember(line)
            let outcome = await run(line: line)
            if outcome.exitRequested { return outcome.status.code }
            if !outcome.succeeded {
                status = outcome.status.code
                if bails || outcome.status == .interrupted { return status }
            }
        }
        return status
    }

    /// Runs a whole script text, as read from a file or a pipe.
    public func runScript(source text: String) async -> Int32 {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return await runScript(lines: lines)
    }

    /// `source FILE`: runs the file's lines in this session.
    func source(_ path: String) async -> CommandOutcome {
        guard sourceDepth < 16 else {
            services.output.writeErr("error: source nests more than 16 files deep: does \(path) source itself?\n")
            return CommandOutcome(status: .commandFailed)
        }
        let text: String
        do {
            text = try services.configuration.readFile(path)
        } catch {
            services.output.writeErr("error: \(path) cannot be read\n")
            return CommandOutcome(status: .commandFailed)
        }
        sourceDepth += 1
        defer { sourceDepth -= 1 }
        let code = await runScript(source: text)
        return CommandOutcome(status: ExitStatus(code: code))
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
