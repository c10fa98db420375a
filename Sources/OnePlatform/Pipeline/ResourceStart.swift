import GRDB

/// What a new resource (created, cloned or provisioned) or a datarule given a new rule starts with.
enum ResourceStart {
    /// Starts a datarule's rule afresh: a timeout rule's timer begins to run at `now`, every
    /// other rule forgets its timer and counters, a script is checked and set to run.
    /// A client fills the consumable buckets its limits give it.
    /// - Parameter changes: where a point the start stores (a script's syntax error) is noted, so
    ///   that waiters on the resource hear of it once the transaction commits.
    static func begin(_ resource: ResourceRecord, in db: Database, now: Int, changes: ChangeCollector = ChangeCollector()) throws {
        switch resource.type {
        case .datarule:
            try RuleRunner.start(resource, in: db, now: now)
            try ScriptStart.begin(resource, in: db, now: now, changes: changes)
        case .client: try ConsumableBucket(db: db).fill(resource, limits: resource.description["limits"])
        case .dataport, .dispatch: break
        }
    }
}
