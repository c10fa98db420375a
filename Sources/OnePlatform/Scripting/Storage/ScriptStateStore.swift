import GRDB
import OnePJSON

/// What `info` reports of a script: its status, the error that stopped it, and its recent
/// changes of status; and how many times it was started.
struct ScriptState: Equatable {
    enum Status: String {
        case running, completed, error
    }

    var status: Status
    var error: String?
    /// `[[timestamp, [status, ...]], ...]`, newest first.
    var activity: [JSON] = []
    /// One more with each create, clone or `update` carrying its rule: the script runner starts a
    /// script again from the top whenever this moves, even when the source stayed the same.
    var starts = 1
}

/// The `script_state` table: one row per script datarule.
enum ScriptStateStore {
    /// How many changes of status `activity` remembers.
    static let activityLength = 10

    static func load(_ db: Database, script: Int64) throws -> ScriptState? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT status, error, activity, starts FROM script_state WHERE resource_id = ?"), arguments: [script])
        guard let row, let status = ScriptState.Status(rawValue: row[0]) else { return nil }
        let activity = (try? JSON(parsing: row[2] as String))?.arrayValue ?? []
        return ScriptState(status: status, error: row[1], activity: activity, starts: row[3])
    }

    /// How many times each script was started (see ``ScriptState/starts``), by datarule row id.
    static func starts(_ db: Database) throws -> [Int64: Int] {
        var starts: [Int64: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT resource_id, starts FROM script_state")
        while let row = try rows.next() { starts[row[0]] = row[1] }
        return starts
    }

    /// Records a status at `now`; false (nothing written) when the script already has exactly it,
    /// unless it is a `newStart`: then it is noted even with the status it already has, and the
    /// script's ``ScriptState/starts`` goes up by one.
    @discardableResult
    static func set(
        _ db: Database, script: Int64, _ status: ScriptState.Status, error: String? = nil, at now: Int, newStart: Bool = false
    ) throws -> Bool {
        let error = error.map(RefusedValues.escapingNUL)
        let current = try load(db, script: script)
        if !newStart, let current, current.status == status, current.error == error { return false }
        var activity = current?.activity ?? []
        if let newest = activity.first?.arrayValue, newest.first == .int(now), let statuses = newest.last?.arrayValue {
            activity[0] = [.int(now), .array(statuses + [.string(status.rawValue)])]
        } else {
            activity.insert([.int(now), [.string(status.rawValue)]], at: 0)
        }
        let starts = current.map { newStart ? $0.starts + 1 : $0.starts } ?? 1
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO script_state (resource_id, status, error, activity, starts) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [script, status.rawValue, error, JSON.array(Array(activity.prefix(activityLength))).serialized(), starts])
        return true
    }

    static func remove(_ db: Database, script: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM script_state WHERE resource_id = ?").execute(arguments: [script])
    }
}
