import LineEditor

extension Launcher {
    /// Runs a non-interactive body so that Ctrl-C cancels the running command and onep exits with
    /// status 130, instead of being killed by the signal midway.
    static func interruptible(_ body: @escaping @Sendable () async -> Int32) async -> Int32 {
        do {
            return try await InterruptMonitor.shared.run(body)
        } catch {
            return 130
        }
    }
}
