extension Platform {
    /// How many scripts are suspended in `.wait` right now.
    ///
    /// A diagnostic for tests and benchmarks, like ``suspendedWaitCount`` for RPC waits.
    package var waitingScriptCount: Int {
        background.scripts.waitingCount
    }
}
