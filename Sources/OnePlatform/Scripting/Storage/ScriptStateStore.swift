import GRDB
import OnePJSON

/// What `info` reports of a script: its status, the error that stopped it, and its recent
/// changes of status.
struct ScriptState: Equatable {
    enum Status: String {
        case running, completed, error
    }

    var status: Status
    var error: String?
    /// `[[timestamp, [status, ...]], ...]`, newest first.
    var activity: [JSON] = []
}

/// The `script_state` table: one row per script datarule.
enum ScriptStateStore {
    /// How many changes of status `activity` remembers.
    static let activityLength = 10

    static func load(_ db: Database, script: Int64) throws -> ScriptState? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT status, error, activity FROM script_state WHERE resource_id = ?"), arguments: [script])
        guard let row, let status = ScriptState.Status(rawValue: row[0]) else { return nil }
        let activity = (try? JSON(parsing: row[2] as String))?.arrayValue ?? []
        return ScriptState(status: status, error: row[1], activity: activity)
    }

    /// Records a status at `now`; false (nothing written) when the script already has exactly it,
    /// unless `always` (a new start is noted even with the status it already has).
    @discardableResult
    static func set(
        _ db: Database, script: Int64, _ status: ScriptState.Status, error: String? = nil, at now: Int, always: Bool = false
    ) throws -> Bool {
        let error = error.map(RefusedValues.escapingNUL)
        let current = try load(db, script: script)
        if !always, let current, current.status == status, current.error == error { return false }
        var activity = current?.activity ?? []
        if let newest = activity.first?.arrayValue, newest.first == .int(now), let statuses = newest.last?.arrayValue {
            activity[0] = [.int(now), .array(statuses + [.string(status.rawValue)])]
        } else {
            activity.insert([.int(now), [.string(status.rawValue)]], at: 0)
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO script_state (resource_id, status, error, activity) VALUES (?, ?, ?, ?)")
            .execute(arguments: [script, status.rawValue, error, JSON.array(Array(activity.prefix(activityLength))).serialized()])
        return true
    }

    static func remove(_ db: Database, script: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM script_state WHERE resource_id = ?").execute(arguments: [script])
    }
}
