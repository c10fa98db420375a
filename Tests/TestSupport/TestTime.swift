import OnePlatform

/// The moment every platform a test makes starts at, so a time in one test suite reads the same
/// as in another: 2023-11-14 22:13:20 UTC.
package enum TestTime {
    /// Unix seconds at which test clocks start.
    package static let start = 1_700_000_000

    /// A clock that stands at `seconds` (default ``start``) until the test moves it.
    package static func clock(at seconds: Double = Double(TestTime.start)) -> ManualClock {
        ManualClock(now: seconds)
    }
}
