import Foundation
import OnePJSON
import OnePlatform

/// A platform filled with one of everything the corpus names (a device with dataports of each
/// format, a datarule, a dispatch, a share, a token, a model with serial numbers, a group and
/// content), on a clock that moves only when a `wait` or long poll is suspended.
///
/// Everything is made through the public request entry points, the same way a client would.
public final class FuzzWorld: Sendable {
    public let platform: Platform
    package let clock: ManualClock
    let names: FuzzNames
    private let directory: String
    private let driver: Task<Void, Never>

    public static let startTime = 1_400_000_000.0

    private init(platform: Platform, clock: ManualClock, names: FuzzNames, directory: String) {
        self.platform = platform
        self.clock = clock
        self.names = names
        self.directory = directory
        driver = Task { await Self.expireWaits(platform: platform, clock: clock) }
    }

    /// A fresh world in a new temporary directory.
    public static func make() async throws -> FuzzWorld {
        let directory = NSTemporaryDirectory() + "onep-fuzz-" + UUID().uuidString
        let clock = ManualClock(now: startTime)
        let platform = try Platform.open(directory: directory, clock: clock)
        let names = try await FuzzNames.seed(platform)
        return FuzzWorld(platform: platform, clock: clock, names: names, directory: directory)
    }

    /// Stops moving the clock and removes the world's directory.
    public func close() {
        driver.cancel()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// A fuzzed `wait` or long poll may ask to wait for weeks: whenever one is suspended the clock
    /// jumps past the longest timeout, so it expires at once instead of holding the run.
    private static func expireWaits(platform: Platform, clock: ManualClock) async {
        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 200_000)
            if platform.suspendedWaitCount > 0 { clock.advance(by: 3_000_000) }
        }
    }
}
