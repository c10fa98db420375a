import GRDB

/// What a new resource (created, cloned or provisioned) or a datarule given a new rule starts with.
enum ResourceStart {
    /// Starts a datarule's rule afresh: a timeout rule's timer begins to run at `now`, every
    /// other rule forgets its timer and counters.
    static func begin(_ resource: ResourceRecord, in db: Database, now: Int) throws {
        guard resource.type == .datarule else { return }
        try RuleRunner.start(resource, in: db, now: now)
    }
}
