/// How script errors and log lines are worded.
enum ScriptMessage {
    /// The chunk name Lua puts before a line number (`script:3: ...`).
    static let chunkLabel = "script"
    /// `=` makes Lua use the name as it is.
    static let chunkName = "=" + chunkLabel
    /// Lua's own message for an allocation that failed, which the memory limit causes.
    static let outOfMemory = "not enough memory"

    /// Lua's `script:3: message` as the log says it: `line 3: message`.
    static func fromLua(_ message: String) -> String {
        let prefix = chunkLabel + ":"
        guard message.hasPrefix(prefix) else { return message }
        let rest = message.dropFirst(prefix.count)
        guard let colon = rest.firstIndex(of: ":"), let line = Int(rest[..<colon]) else { return message }
        return "line \(line):" + rest[rest.index(after: colon)...]
    }

    /// A `debug()` line: the message after the line it was called from.
    static func debugLine(_ message: String, line: Int32) -> String {
        line > 0 ? "line \(line): \(message)" : message
    }

    /// The log line of a script that stopped with an error.
    static func errorLine(_ failure: ScriptFailure) -> String {
        "error: " + failure.text
    }
}

/// A `.wait` that found no point yet: the runner resumes the script when one may have arrived
/// or when `deadline` passes.
struct ScriptWait: Sendable {
    /// The alias object waited on.
    let object: Int
    /// The row id of the resource waited on.
    let resource: Int64
    /// Points after this timestamp end the wait.
    let since: Int
    /// The `expire` timestamp, nil to wait for good.
    let deadline: Int?
    /// The resource's version in the change feed when the script last looked.
    let seen: UInt64
}
