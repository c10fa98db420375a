import Synchronization

/// A spinner on standard error while a request has been waiting for its answer for more than a
/// second, so a platform that accepts and never answers is not silence.
///
/// It draws only when given a writer (the shell gives one only when standard error is a
/// terminal) and while ``isAllowed`` (the interactive shell at a terminal, not while a transcript
/// records), and it erases its line as soon as the last request in flight ends, before the
/// command prints anything. Requests sent together count once.
final class Spinner: Sendable {
    private struct State {
        var inFlight = 0
        /// Changes whenever waiting starts or stops, so an older drawing loop knows to end.
        var generation = 0
        var drawn = false
        var frame = 0
    }

    private let write: (@Sendable (String) -> Void)?
    private let delay: Duration
    private let interval: Duration
    private let frames: [String]
    private let state = Mutex(State())
    private let allowed = Atomic<Bool>(false)

    /// - Parameters:
    ///   - write: where the spinner draws (standard error); nil draws nothing.
    ///   - unicode: braille frames when the terminal shows them, else `|/-\`.
    init(write: (@Sendable (String) -> Void)?, unicode: Bool = true, delay: Duration = .seconds(1), interval: Duration = .milliseconds(100)) {
        self.write = write
        self.delay = delay
        self.interval = interval
        frames = unicode ? ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] : ["|", "/", "-", "\\"]
    }

    /// Whether it may draw now; the interactive loop allows it for each line it runs.
    var isAllowed: Bool {
        get { allowed.load(ordering: .relaxed) }
        set { allowed.store(newValue, ordering: .relaxed) }
    }

    /// A request went out.
    func begin() {
        guard write != nil else { return }
        let generation = state.withLock { state -> Int? in
            state.inFlight += 1
            guard state.inFlight == 1 else { return nil }
            state.generation += 1
            return state.generation
        }
        guard let generation else { return }
        Task.detached { [self] in await spin(generation) }
    }

    /// A request came back (or failed, or was cancelled).
    func end() {
        guard write != nil else { return }
        state.withLock { state in
            state.inFlight = max(0, state.inFlight - 1)
            guard state.inFlight == 0 else { return }
            state.generation += 1
            erase(&state)
        }
    }

    /// Stops and erases it whatever is in flight: Ctrl-C abandoned the command.
    func stop() {
        guard write != nil else { return }
        state.withLock { state in
            state.inFlight = 0
            state.generation += 1
            erase(&state)
        }
    }

    private func erase(_ state: inout State) {
        guard state.drawn, let write else { return }
        state.drawn = false
        write("\r\u{1B}[K")
    }

    /// Waits a second, then draws a frame every interval until the requests of this generation end.
    private func spin(_ generation: Int) async {
        do {
            try await Task.sleep(for: delay)
        } catch {
            return
        }
        let started = ContinuousClock.now
        while true {
            let drew = state.withLock { state -> Bool in
                guard state.generation == generation, state.inFlight > 0 else { return false }
                guard isAllowed, let write else { return true }
                let seconds = (ContinuousClock.now - started + delay).components.seconds
                write("\r\(frames[state.frame % frames.count]) waiting for the platform (\(seconds) s, Ctrl-C stops)\u{1B}[K")
                state.frame += 1
                state.drawn = true
                return true
            }
            guard drew else { return }
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}

extension Spinner {
    /// Whether the locale's character set is UTF-8 (`LC_ALL`, else `LC_CTYPE`, else `LANG`).
    static func showsUnicode(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty }
        guard let locale = locale?.lowercased() else { return false }
        return locale.contains("utf-8") || locale.contains("utf8")
    }
}
