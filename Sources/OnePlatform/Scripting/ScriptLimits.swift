/// The budgets every script runs within.
enum ScriptLimits {
    /// The most memory one script's Lua state may hold; more ends it with `not enough memory`.
    static let memoryBytes = 8 * 1024 * 1024
    /// Lua instructions between two ticks of the count hook.
    static let instructionsPerTick: Int32 = 1000
    /// Ticks one slice may use before the script is suspended and rescheduled.
    static let ticksPerSlice: Int32 = 100
    /// Ticks a call into the platform (a read, a write, a manage call) costs.
    static let ticksPerPlatformCall: Int32 = 10
    /// Slices in a row without a wait after which a script is taken to run without end: it
    /// keeps running, but `settle` no longer waits for it.
    static let slicesBeforeRunaway = 100
    /// How deeply tables may nest when they are turned into JSON or back.
    static let nestingDepth = 200
}
