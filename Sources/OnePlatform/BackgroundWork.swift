import Synchronization

/// What a platform does by itself besides answering requests: firing datarule timers and
/// running scripts. One switch starts and stops both, so that when several processes open one
/// data directory exactly one of them does this work (see `SharedDirectory`).
final class BackgroundWork: Sendable {
    let timers: TimerScheduler
    let scripts: ScriptRunner
    // Guards whether this process runs the work; it starts at most once and stops for good.
    private let phase = Mutex(Phase.idle)

    private enum Phase {
        case idle, running, stopped
    }

    init(timers: TimerScheduler, scripts: ScriptRunner) {
        self.timers = timers
        self.scripts = scripts
    }

    /// Whether this process fires the timers and runs the scripts now.
    var isRunning: Bool {
        phase.withLock { $0 == .running }
    }

    /// Starts both; every stored script starts from the top. Nothing happens once stopped.
    func start() {
        let starts = phase.withLock { phase -> Bool in
            guard phase == .idle else { return false }
            phase = .running
            return true
        }
        guard starts else { return }
        timers.activate()
        scripts.start()
    }

    func stop() {
        phase.withLock { $0 = .stopped }
        timers.stop()
        scripts.stop()
    }

    /// Hears what other processes changed: a timer set elsewhere may now be the earliest, a
    /// script created, changed or dropped elsewhere starts, restarts or stops here.
    func foreignChanges(_ work: ForeignWork) {
        guard isRunning else { return }
        if work.timers || work.resync { timers.wake() }
        if work.resync {
            scripts.reconcile(ScriptObserver.Changes(), all: true)
            scripts.recheckWaits()
        } else if !work.scripts.isEmpty {
            scripts.reconcile(ScriptObserver.Changes(scripts: work.scripts))
        }
    }

    /// Fires the timers due at the clock's current time, then lets every script run as far as
    /// it can (see ``ScriptRunner/settle()``). A process that does not run them does nothing:
    /// the one that does fires them.
    func settle() async throws {
        guard isRunning else { return }
        try await timers.fireDue()
        await scripts.settle()
    }
}
