import OnePlatform

/// A fresh embedded platform whose clock moves only when the test moves it.
package struct ClockedPlatform: Sendable {
    package let platform: Platform
    package let clock: ManualClock

    /// A platform kept in memory, its clock at `seconds`.
    package static func inMemory(at seconds: Double = Double(TestTime.start)) throws -> ClockedPlatform {
        let clock = TestTime.clock(at: seconds)
        return ClockedPlatform(platform: try Platform.inMemory(clock: clock), clock: clock)
    }

    /// A platform in `directory` (created when missing), its clock at `seconds`.
    package static func open(directory: String, at seconds: Double = Double(TestTime.start)) throws -> ClockedPlatform {
        let clock = TestTime.clock(at: seconds)
        return ClockedPlatform(platform: try Platform.open(directory: directory, clock: clock), clock: clock)
    }

    /// The root client's CIK, which every new platform makes for itself.
    package var rootCIK: String { platform.bootstrap.rootCIK }
}
