extension Platform {
    /// How many `wait` calls and long polls are suspended right now, waiting for a point.
    ///
    /// A diagnostic for tests and benchmarks: a caller that starts a wait can see when it is in place
    /// before it writes the point that should end it.
    package var suspendedWaitCount: Int {
        engine.changes.waiterCount
    }

    /// Returns once exactly `count` waits are suspended: a caller that started waits can write the
    /// point that should end them as soon as they are all in place, without polling.
    package func untilSuspendedWaits(are count: Int) async {
        await engine.changes.untilWaiterCount(is: count)
    }
}

extension Platform {
    /// How many resources the change feed keeps a version for; a diagnostic for tests: it stays
    /// bounded by the resources that exist, however many were written and dropped.
    package var changeFeedResourceCount: Int {
        engine.changes.trackedCount
    }
}
