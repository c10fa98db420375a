/// What a platform does by itself besides answering requests: firing datarule timers and
/// running scripts. One switch starts and stops both, so that when several processes open one
/// data directory exactly one of them can be the one that does this work.
final class BackgroundWork: Sendable {
    let timers: TimerScheduler
    let scripts: ScriptRunner

    init(timers: TimerScheduler, scripts: ScriptRunner) {
        self.timers = timers
        self.scripts = scripts
    }

    func start() {
        timers.activate()
        scripts.start()
    }

    func stop() {
        timers.stop()
        scripts.stop()
    }

    /// Fires the timers due at the clock's current time, then lets every script run as far as
    /// it can (see ``ScriptRunner/settle()``).
    func settle() async throws {
        try await timers.fireDue()
        await scripts.settle()
    }
}
