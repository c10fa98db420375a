import GRDB

/// Answers pending `wait` calls outside any transaction: it holds no database connection while
/// suspended, only a place in the ``ChangeHub`` and a sleep on the clock.
struct Waiter: Sendable {
    let database: any DatabaseReader
    let clock: any PlatformClock
    let changes: ChangeHub

    private enum Wake: Sendable {
        case changed
        case expired
    }

    /// The point that ends the wait, or nil once `deadline` passes or `release` expires the wait.
    ///
    /// - Parameters:
    ///   - seen: the resource's version in the hub when the call arrived.
    ///   - release: ends the wait early, when the front that serves it says so.
    /// - Throws: `CancellationError` when the task is cancelled or `release` abandons the wait (the
    ///   client went away); the wait is then forgotten.
    func answer(
        _ wait: PendingWait, seen: UInt64, deadline: Double, release: WaitRelease? = nil
    ) async throws -> (timestamp: Int, value: PointValue)? {
        var seen = seen
        while true {
            let current = changes.version(of: wait.resource)
            // A change bumps the version only after its commit, so the read below sees its point.
            if wait.since != nil || current > seen, let point = try await point(for: wait) {
                return point
            }
            seen = current
            switch try await nextWake(of: wait.resource, after: seen, deadline: deadline, release: release) {
            case .changed: continue
            case .expired: return nil
            }
        }
    }

    /// With `since`, the first point after it; without, the newest point (a change just stored it).
    private func point(for wait: PendingWait) async throws -> (timestamp: Int, value: PointValue)? {
        try await database.read { db in
            if let since = wait.since {
                return try WaitProcedure.firstPoint(db, resource: wait.resource, after: since, now: Int(clock.now()))
            }
            return try PointStore.latest(db, resource: wait.resource)
        }
    }

    private func nextWake(of resource: Int64, after seen: UInt64, deadline: Double, release: WaitRelease?) async throws -> Wake {
        try await withThrowingTaskGroup(of: Wake.self) { group in
            if let release {
                group.addTask {
                    switch try await release.released() {
                    case .expired: return .expired
                    case .abandoned: throw CancellationError()
                    }
                }
            }
            group.addTask {
                _ = try await changes.change(of: resource, after: seen)
                return .changed
            }
            group.addTask {
                try await clock.sleep(until: deadline)
                return .expired
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }
}
