import OnePJSON
import OnePlatform
import Testing

extension TestPlatform {
    /// Starts a request of `calls` in a task of its own, and returns once `waits` more waits than
    /// before are suspended in the platform, so the caller can then write the point that ends them.
    func startWaiting(_ calls: [(String, [JSON])], waits: Int = 1) async -> Task<[JSON], any Error> {
        let before = platform.suspendedWaitCount
        let task = Task { try await self.calls(calls) }
        await untilSuspended(before + waits)
        return task
    }

    /// Returns once exactly `count` waits are suspended.
    func untilSuspended(_ count: Int) async {
        await platform.untilSuspendedWaits(are: count)
    }

    /// The answer of a single `wait` started with ``startWaiting(_:waits:)``.
    static func single(_ task: Task<[JSON], any Error>) async throws -> JSON {
        let answers = try await task.value
        #expect(answers.count == 1)
        return try #require(answers.first)
    }
}
