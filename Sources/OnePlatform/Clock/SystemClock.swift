import Foundation

/// Wall-clock time, for a platform that serves real clients.
public struct SystemClock: PlatformClock {
    public init() {}

    public func now() -> Double {
        Date().timeIntervalSince1970
    }

    public func sleep(until deadline: Double) async throws {
        let remaining = deadline - now()
        guard remaining > 0 else {
            try Task.checkCancellation()
            return
        }
        try await Task.sleep(nanoseconds: UInt64(remaining * 1_000_000_000))
    }
}
