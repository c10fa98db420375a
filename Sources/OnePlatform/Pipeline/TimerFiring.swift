import GRDB
import Logging

/// Fires, inside one write transaction, every datarule timer due by a given second.
enum TimerFiring {
    private static let batch = 100

    /// - Returns: the second the next timer is due, nil when none runs.
    /// - Parameter changes: where the resources that got points are noted.
    static func fire(_ db: Database, now: Int, changes: ChangeCollector, logger: Logger) throws -> Int? {
        while true {
            let rules = try RuleStateStore.overdue(db, now: now, limit: batch)
            if rules.isEmpty { break }
            for rule in rules { try fire(rule, db, now: now, changes: changes, logger: logger) }
        }
        return try RuleStateStore.nextDue(db)
    }

    /// Fires one rule; a rule that cannot fire (its description no longer has a timed rule, or
    /// something failed) loses its timer rather than blocking the others.
    private static func fire(_ key: Int64, _ db: Database, now: Int, changes: ChangeCollector, logger: Logger) throws {
        do {
            try db.inSavepoint {
                guard let rule = try ResourceRecord.fetch(db, id: key), let ownerID = rule.parentID,
                    let owner = try ResourceRecord.fetch(db, id: ownerID),
                    let definition = RuleDefinition(description: rule.description), !definition.isScript
                else {
                    try RuleStateStore.save(db, rule: key, RuleState())
                    return .commit
                }
                let context = CallContext(db: db, caller: owner, now: now, changes: changes)
                try RuleRunner(writer: try PointWriter(context: context, target: rule), rule: definition).fireDue()
                return .commit
            }
        } catch {
            logger.error("datarule timer failed", metadata: ["resource": "\(key)", "error": "\(error)"])
            try RuleStateStore.save(db, rule: key, RuleState())
        }
    }
}
