import GRDB

/// A script's log: the points of its own datarule, so reading the script reads what it said.
///
/// `debug()` lines, dispatched messages and the error that stopped a script are stored there.
/// The time series keeps one point per second, so lines written in the same second are joined
/// into that second's point, one per line, rather than replacing each other.
enum ScriptLog {
    /// Adds `line` to the script's log at the context's time, as the script's owner stores it.
    static func append(_ line: String, to script: ResourceRecord, in context: CallContext) throws {
        guard script.type.keepsPoints else { return }
        let now = context.now
        let existing = try PointStore.window(context.db, resource: script.key, start: now, end: now, ascending: true, limit: 1).first
        var text = line
        if case .text(let earlier)? = existing?.value { text = earlier + "\n" + line }
        let writer = try PointWriter(context: context, target: script)
        try writer.record(.text(text), at: now, propagation: Propagation(origin: script.key))
    }
}

extension ScriptScope {
    /// Adds a line to this script's log.
    func log(_ line: String) throws {
        try ScriptLog.append(line, to: script, in: context)
    }
}
