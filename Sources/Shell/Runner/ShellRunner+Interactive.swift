import LineEditor

/// The REPL: prompt, history, completion, confirmation of destructive commands.
extension ShellRunner {
    /// Reads lines from `reader` until end of input or `exit`.
    /// - Returns: the exit code: the one `exit` gave, else 0.
    /// The reader stays with the caller (this method is not isolated to the runner), so a test can
    /// look at what it was asked afterwards.
    public nonisolated func runInteractive(reader: any LineReader) async -> Int32 {
        let state = CompletionState()
        let parser = services.parser
        let environment = services.environment
        reader.completer = { request in
            var completer = Completer(parser: parser, environment: environment, snapshot: state.snapshot, remote: state.remote)
            completer.provisionCache = state.provision
            let (replacing, candidates) = completer.complete(textBeforeCursor: request.textBeforeCursor)
            return CompletionResult(replacing: replacing, candidates: candidates)
        }
        var pending = ""
        while true {
            state.snapshot = await completionSnapshot()
            prefetch(into: state)
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
                let entered = pending + text
                pending = ""
                guard !entered.trimmingCharacters(in: " \t").isEmpty else { continue }
                // Read once: history, confirmation and running all use this.
                let line = parse(entered)
                // Up recalls the line as typed in this session; the history file gets it masked.
                if let kept = await remember(line) { reader.addHistory(entered, savedAs: kept) }
                if await echoes { services.output.writeOut(entered + "\n") }
                // A command that destroys asks once it has found its targets, saying what will go.
                if reader.isInteractive {
                    let question = ReaderQuestion(reader: reader)
                    services.confirmations.install { question.ask($0) }
                }
                // The spinner shows for lines typed at a terminal, never while a transcript records.
                let transcribing = await recordsTranscript
                services.spinner.isAllowed = reader.isInteractive && !transcribing
                let outcome = await runInterruptibly(line)
                services.spinner.isAllowed = false
                services.spinner.stop()
                services.confirmations.remove()
                if await takeHistoryClear() { reader.clearHistory() }
                if outcome.exitRequested { return outcome.status.code }
            }
        }
    }

    /// Runs one line so that Ctrl-C cancels its task; the shell stays and prompts again.
    private nonisolated func runInterruptibly(_ line: ParsedLine) async -> CommandOutcome {
        guard services.configuration.catchesInterrupts else { return await run(line) }
        let finished = FinishedOutcome()
        do {
            return try await InterruptMonitor.shared.run {
                let outcome = await self.run(line)
                finished.set(outcome)
                return outcome
            }
        } catch {
            // A command that ended by itself has already said how (a cancelled one says
            // "interrupted"); only one the monitor had to abandon needs a word from here.
            if let outcome = finished.value { return outcome }
            services.spinner.stop()
            let said = services.interruptNote.take() ?? "interrupted"
            services.output.writeErr(ShellRunner.interruptionBreak(.interrupted, output: services.output) + "error: \(said)\n")
            return CommandOutcome(status: .interrupted)
        }
    }

    /// Whether a `.t` transcript is being recorded.
    var recordsTranscript: Bool { recorder?.isTranscript == true }

    func completionSnapshot() -> CompletionSnapshot {
        let rids = session.root.map { [$0.rid] + session.path.map(\.rid) } ?? []
        var fetcher: ChildFetcher?
        if let auth = session.auth, let root = session.root {
            // Uncounted, so background fetches do not show up in `set timing` figures.
            let transport = (session.endpoint.transport as? CountingTransport)?.base ?? session.endpoint.transport
            fetcher = ChildFetcher(transport: transport, auth: auth, rootRID: root.rid)
        }
        var snapshot = CompletionSnapshot(paths: session.paths, pathRIDs: rids, settings: session.settings, fetcher: fetcher)
        snapshot.provisionNames = session.provisionNames
        if let vendor = session.vendor, let transport = session.endpoint.provision {
            snapshot.provisionFetcher = ProvisionNameFetcher(transport: transport, auth: vendor.auth)
        }
        return snapshot
    }

    /// After each line, names fetched earlier may be stale (the line may have created or dropped
    /// resources): forget them, and fetch the current client's children in the background when
    /// the session does not know them, so the next Tab finds them at once.
    private nonisolated func prefetch(into state: CompletionState) {
        state.remote.reset()
        state.provision.reset()
        let snapshot = state.snapshot
        guard let fetcher = snapshot.fetcher, let here = snapshot.pathRIDs.last, snapshot.paths?.knownChildren(of: here) == nil else { return }
        state.remote.refresh(here) { await fetcher.children(of: $0) }
    }
}
