import GRDB

/// A script's log: the points of its own datarule, so reading the script reads what it said.
///
/// `debug()` lines, dispatched messages and the error that stopped a script are stored there.
/// The time series keeps one point per second, so lines written in the same second are joined
/// into that second's point, one per line, rather than replacing each other. A second's point
/// holds at most ``maximumPointBytes``; a script that says more in one second loses the rest of
/// that second's lines (the point says so once), so a loop of `debug()` cannot flood the store.
enum ScriptLog {
    static let maximumPointBytes = 16 * 1024
    static let dropped = "(more lines in this second were dropped)"

    /// Adds `line` to the script's log at the context's time, as the script's owner stores it.
    ///
    /// U+0000 is written `\0`: stored text never holds it (see ``RefusedValues``), and a log line
    /// is for people, so it keeps what follows rather than being refused.
    static func append(_ line: String, to script: ResourceRecord, in context: CallContext) throws {
        guard script.type.keepsPoints else { return }
        let line = RefusedValues.escapingNUL(line)
        let now = context.now
        let existing = try PointStore.window(context.db, resource: script.key, start: now, end: now, ascending: true, limit: 1).first
        var earlier: String?
        if case .text(let text)? = existing?.value { earlier = text }
        guard let text = joined(earlier, line) else { return }
        let writer = try PointWriter(context: context, target: script)
        try writer.record(.text(text), at: now, propagation: Propagation(origin: script.key))
    }

    /// The second's point with `line` added; nil when it is full and already says so.
    static func joined(_ earlier: String?, _ line: String) -> String? {
        guard let earlier else { return String(line.utf8.prefix(maximumPointBytes)) ?? String(line.prefix(maximumPointBytes / 4)) }
        if earlier.hasSuffix(dropped) { return nil }
        if earlier.utf8.count + 1 + line.utf8.count > maximumPointBytes { return earlier + "\n" + dropped }
        return earlier + "\n" + line
    }
}

extension ScriptScope {
    /// Adds a line to this script's log.
    func log(_ line: String) throws {
        try ScriptLog.append(line, to: script, in: context)
    }
}
