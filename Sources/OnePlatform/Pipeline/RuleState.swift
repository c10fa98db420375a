import GRDB

/// What a datarule remembers between inputs: its running timer and its counters.
struct RuleState: Equatable {
    /// The second the timer elapses, or nil when none runs.
    var due: Int?
    /// Inputs counted so far by a count rule.
    var counter = 0
    /// Whether a duration rule already output true for the inputs that keep its comparison true.
    var active = false
}

/// The `rule_state` table: one row per datarule that has state.
enum RuleStateStore {
    static func load(_ db: Database, rule: Int64) throws -> RuleState {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT due, counter, active FROM rule_state WHERE resource_id = ?"), arguments: [rule])
        guard let row else { return RuleState() }
        return RuleState(due: row[0], counter: row[1], active: row[2])
    }

    /// Saves the state; a state with nothing to remember removes the row.
    static func save(_ db: Database, rule: Int64, _ state: RuleState) throws {
        if state == RuleState() {
            try db.cachedStatement(sql: "DELETE FROM rule_state WHERE resource_id = ?").execute(arguments: [rule])
            return
        }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO rule_state (resource_id, due, counter, active) VALUES (?, ?, ?, ?)")
            .execute(arguments: [rule, state.due, state.counter, state.active])
    }

    /// The earliest second any timer elapses.
    static func nextDue(_ db: Database) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT min(due) FROM rule_state")
    }

    /// The rule whose timer elapses first, if it elapses at or before `now`.
    static func earliest(_ db: Database, dueBy now: Int) throws -> (rule: Int64, due: Int)? {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT resource_id, due FROM rule_state WHERE due <= ? ORDER BY due, resource_id LIMIT 1"),
            arguments: [now])
        return row.map { ($0[0], $0[1]) }
    }
}
