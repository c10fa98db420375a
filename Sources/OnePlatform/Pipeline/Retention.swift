import GRDB
import OnePJSON

/// How many points, and points how old, a resource keeps (`retention` in its description).
///
/// Both limits are applied whenever a point is stored. Points that age out of the duration between
/// writes stay on disk until the next write, so readers ask ``oldestReadable(now:)`` for the
/// start of what they may answer.
struct Retention: Equatable {
    /// The most points kept, nil for no limit.
    let count: Int?
    /// The most hours a point is kept, nil for no limit.
    let hours: Int?

    init(_ description: JSONObject) {
        let retention = description["retention"]?.objectValue
        count = retention?["count"]?.intValue
        hours = retention?["duration"]?.intValue
    }

    var isUnlimited: Bool { count == nil && hours == nil }

    /// The first timestamp still readable at `now`, nil when every point is.
    func oldestReadable(now: Int) -> Int? {
        // A window too long to count in seconds keeps everything.
        guard let hours, case let (seconds, false) = hours.multipliedReportingOverflow(by: 3600) else { return nil }
        return now - seconds
    }

    /// The newest point of `resource` that its retention still lets readers see at `now`.
    static func latestReadable(_ db: Database, resource: ResourceRecord, now: Int) throws -> (timestamp: Int, value: PointValue)? {
        guard let latest = try PointStore.latest(db, resource: resource.key) else { return nil }
        if let start = Retention(resource.description).oldestReadable(now: now), latest.timestamp < start { return nil }
        return latest
    }

    /// Removes what the resource no longer keeps.
    func prune(_ db: Database, resource: Int64, now: Int) throws {
        if let start = oldestReadable(now: now) {
            try db.cachedStatement(sql: "DELETE FROM point WHERE resource_id = ? AND timestamp < ?").execute(arguments: [resource, start])
        }
        guard let count else { return }
        // The newest point beyond the kept ones; it and everything older go.
        let boundary = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT timestamp FROM point WHERE resource_id = ? ORDER BY timestamp DESC LIMIT 1 OFFSET ?"),
            arguments: [resource, count])
        guard let boundary else { return }
        try db.cachedStatement(sql: "DELETE FROM point WHERE resource_id = ? AND timestamp <= ?").execute(arguments: [resource, boundary])
    }
}
