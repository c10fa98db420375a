/// Checks `condition` every 20 ms until it holds or `seconds` of real time pass, for what
/// another process (or another platform on the same directory) does on its own time: the bound is
/// generous so a busy machine does not fail the test, and no figure is asserted.
/// - Returns: whether the condition came to hold.
package func eventually(within seconds: Double = 20, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(20))
    }
}
