/// A Lua error raised by a platform function: the script stops with this message, unless it
/// was running in a protected call (which scripts cannot make).
struct ScriptRaise: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    /// The error Lua's own argument checks raise, e.g. `bad argument #1 to 'debug' (string expected, got nil)`.
    static func badArgument(_ position: Int, to function: String, _ expectation: String) -> ScriptRaise {
        ScriptRaise("bad argument #\(position) to '\(function)' (\(expectation))")
    }
}
