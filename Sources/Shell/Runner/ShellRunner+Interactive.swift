import LineEditor

/// The REPL: prompt, history, completion, confirmation of destructive commands.
extension ShellRunner {
    /// Reads lines from `reader` until end of input or `exit`.
    /// - Returns: the exit code: the one `exit` gave, else 0.
    /// The reader stays with the caller (this method is not isolated to the runner), so a test can
    /// look at what it was asked afterwards.
    public nonisolated func runInteractive(reader: any LineReader) async -> Int32 {
        let state = CompletionState()
        let commands = services.commands
        let environment = services.environment
        reader.completer = { request in
            let completer = Completer(commands: commands, environment: environment, snapshot: state.snapshot)
            let (replacing, candidates) = completer.complete(textBeforeCursor: request.textBeforeCursor)
            return CompletionResult(replacing: replacing, candidates: candidates)
        }
        var pending = ""
        while true {
            state.snapshot = await completionSnapshot()
            let promptText = pending.isEmpty ? await prompt : "> "
            switch reader.readLine(prompt: promptText) {
            case .endOfFile:
                return 0
            case .interrupted:
                pending = ""
                continue
            case .line(let text):
                if Tokenizer.continues(text) {
                    pending += String(text.dropLast())
                    continue
                }
                let line = pending + text
                pending = ""
                guard !line.trimmingCharacters(in: " \t").isEmpty else { continue }
                reader.addHistory(await remember(line))
                if await echoes { services.output.writeOut(line + "\n") }
                if reader.isInteractive, let question = await confirmationQuestion(for: line) {
                    guard case .line(let answer) = reader.readLine(prompt: question),
                        ["y", "yes"].contains(answer.trimmingCharacters(in: " \t").lowercased())
                    else {
                        _ = await declined(line)
                        continue
                    }
                }
                // Ctrl-C cancels the running command's task; the shell stays and prompts again.
                let outcome = (try? await InterruptMonitor.shared.run { await self.run(line: line) }) ?? CommandOutcome(status: .interrupted)
                if outcome.status == .interrupted { services.output.writeErr("interrupted\n") }
                if outcome.exitRequested { return outcome.status.code }
            }
        }
    }

    func completionSnapshot() -> CompletionSnapshot {
        let rids = session.root.map { [$0.rid] + session.path.map(\.rid) } ?? []
        return CompletionSnapshot(knownChildren: session.knownChildren, pathRIDs: rids, settings: session.settings)
    }
}

extension ShellRunner {
    /// Completion for `onep __complete` and other front ends: the candidates for the word before
    /// the cursor and how many characters they replace. Uses only what the session already knows.
    public func complete(textBeforeCursor: String) -> (replacing: Int, candidates: [String]) {
        Completer(commands: services.commands, environment: services.environment, snapshot: completionSnapshot())
            .complete(textBeforeCursor: textBeforeCursor)
    }
}
