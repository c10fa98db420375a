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

    /// Yields until exactly `count` waits are suspended (no sleeping: the other tasks just need turns).
    func untilSuspended(_ count: Int) async {
        while platform.suspendedWaitCount != count { await Task.yield() }
    }

    /// The answer of a single `wait` started with ``startWaiting(_:waits:)``.
    static func single(_ task: Task<[JSON], any Error>) async throws -> JSON {
        let answers = try await task.value
        #expect(answers.count == 1)
        return try #require(answers.first)
    }
}
