import GRDB
import Logging

/// Fires, inside one write transaction, every datarule timer due by a given second.
///
/// Timers fire one elapse at a time in the order they came due, each at its own time, so a clock
/// that jumped (or a platform that was closed) replays what would have happened as it happened:
/// an output that restarts another rule's timer does so from the moment it was produced.
enum TimerFiring {
    /// - Parameter changes: where the resources that got points are noted.
    /// - Returns: the second the next timer is due, nil when none runs.
    static func fire(_ db: Database, now: Int, changes: ChangeCollector, logger: Logger) throws -> Int? {
        while let (key, due) = try RuleStateStore.earliest(db, dueBy: now) {
            try fire(key, due: due, now: now, db, changes: changes, logger: logger)
        }
        return try RuleStateStore.nextDue(db)
    }

    /// Fires one elapse of one rule; a rule that cannot fire (its description no longer has a
    /// timed rule, or something failed) loses its timer rather than blocking the others.
    private static func fire(_ key: Int64, due: Int, now: Int, _ db: Database, changes: ChangeCollector, logger: Logger) throws {
        do {
            try db.inSavepoint {
                guard let rule = try ResourceRecord.fetch(db, id: key), let ownerID = rule.parentID,
                    let owner = try ResourceRecord.fetch(db, id: ownerID),
                    let definition = RuleDefinition(description: rule.description), !definition.isScript
                else {
                    try RuleStateStore.save(db, rule: key, RuleState())
                    return .commit
                }
                if let period = definition.period, let resumed = RuleRunner.resumeDue(due, period: period, now: now) {
                    var state = try RuleStateStore.load(db, rule: key)
                    state.due = resumed
                    try RuleStateStore.save(db, rule: key, state)
                    return .commit
                }
                let context = CallContext(db: db, caller: owner, now: due, changes: changes)
                try RuleRunner(writer: try PointWriter(context: context, target: rule), rule: definition).fireDue()
                return .commit
            }
        } catch {
            logger.error("datarule timer failed", metadata: ["resource": "\(key)", "error": "\(error)"])
            try RuleStateStore.save(db, rule: key, RuleState())
        }
    }
}
