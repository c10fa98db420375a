import OneP
import OnePJSON

/// A script datarule as the `script` commands show it: its name, where it is, its source, and
/// what `info` says of its state, with the error text read from its log, where the platform
/// keeps it (`error: line 3: ...`).
struct ScriptState: Sendable {
    var rid: String
    var name: String
    var source: String
    /// `running`, `completed` or `error` (the hosted platform also says `waiting`); nil when the
    /// platform does not say.
    var status: String?
    /// When the status last changed.
    var since: Int?
    /// The error that stopped the script, as its log says it after `error: `.
    var error: String?

    /// What the log line of an error starts with.
    static let errorPrefix = "error: "

    /// The info calls that describe a script: its type, name, rule and state.
    static let infoOptions: InfoOptions = [.basic, .description]

    /// Reads a script from its `info` answer and its newest log point; nil when the resource is
    /// not a script datarule.
    init?(rid: String, info: JSON?, newestLog: JSON?) {
        guard info?["basic"]?["type"]?.stringValue == "datarule", let source = info?["description"]?["rule"]?["script"]?.stringValue else {
            return nil
        }
        self.rid = rid
        self.source = source
        name = info?["description"]?["name"]?.stringValue ?? rid
        status = info?["basic"]?["status"]?.stringValue
        since = info?["basic"]?["activity"]?[0]?[0]?.intValue
        if status == "error" { error = Self.error(inNewest: newestLog) }
    }

    /// The last error line of the newest log point (a point holds the lines of one second).
    static func error(inNewest points: JSON?) -> String? {
        guard let text = points?[0]?[1]?.stringValue else { return nil }
        let line = text.split(separator: "\n").last { $0.hasPrefix(errorPrefix) }
        return line.map { String($0.dropFirst(errorPrefix.count)) }
    }

    /// Why a resource that is not a script cannot be used as one, in one line that says what to do.
    static func notAScript(_ path: String, info: JSON?) -> ShellError {
        ShellError.failed("'\(path)' is \(what(info)), not a script: 'script ls' lists the scripts here")
    }

    /// What a resource is, from its `info`: `a dataport`, `a datarule with a simple rule`.
    static func what(_ info: JSON?) -> String {
        let type = info?["basic"]?["type"]?.stringValue ?? "resource"
        if type == "datarule", let kind = info?["description"]?["rule"]?.objectValue?.keys.first {
            return "a datarule with a \(kind) rule"
        }
        return "a \(type)"
    }
}

extension CommandContext {
    /// The script at `path` (a name, alias, RID or path) with its state and its newest `points`
    /// log points, newest first: one request once the path is resolved.
    /// - Throws: ``ShellError`` when the resource is not a script datarule.
    mutating func script(at path: String, points: Int = 1) async throws -> (resource: ResolvedResource, state: ScriptState, log: [[JSON]]) {
        let resource = try await resolve(path)
        let results = try await client().batch([
            .info(resource.id, options: ScriptState.infoOptions), .read(resource.id, ReadOptions(sort: .desc, limit: points)),
        ])
        let info = try results[0].get()
        guard let state = ScriptState(rid: resource.rid, info: info, newestLog: results[1].result) else {
            throw ScriptState.notAScript(path, info: info)
        }
        let log = try results[1].get()
        return (resource, state, log?.arrayValue?.compactMap(\.arrayValue) ?? [])
    }
}
