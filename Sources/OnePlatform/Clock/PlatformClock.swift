/// The platform's source of time.
///
/// Every timestamp the platform hands out or compares (creation times, write times, negative
/// offsets, read windows) comes from here, so tests drive time with a ``ManualClock`` instead of
/// sleeping.
public protocol PlatformClock: Sendable {
    /// The current time in unix seconds.
    func now() -> Double

    /// Suspends until the clock reads at least `deadline`.
    ///
    /// - Throws: `CancellationError` when the calling task is cancelled first.
    func sleep(until deadline: Double) async throws
}

extension PlatformClock {
    /// The current time truncated to whole seconds, the platform's time series resolution.
    var currentSecond: Int {
        Int(now().rounded(.down))
    }
}
