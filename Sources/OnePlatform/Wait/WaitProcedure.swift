import GRDB
import OnePJSON

/// `wait`: long polling on one resource's time series.
///
/// `[resource, {"timeout": ms, "since": ts}]`. When a point after `since` is already stored the call
/// answers it at once; otherwise it leaves a ``PendingWait`` and the engine answers once a point
/// arrives or the timeout passes (status `expire`).
enum WaitProcedure {
    static let name = "wait"
    /// How long a wait lasts when the call does not say.
    static let defaultTimeoutMilliseconds = 30_000.0
    /// The longest wait accepted: what a signed 32-bit count of milliseconds holds (about 24.8 days).
    static let maximumTimeoutMilliseconds = Double(Int32.max)

    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        let target = try context.resource(try arguments.required(0, "resource"))
        let options = try arguments.options(1)
        let timeout = try timeoutMilliseconds(options["timeout"])
        let since = try sinceTimestamp(options["since"])
        guard target.type.keepsPoints, let format = target.format else { throw CallFailure.invalid }
        if let since, let point = try firstPoint(context.db, resource: target.key, after: since, now: context.now) {
            return answer(point, format: format)
        }
        context.suspension.put(PendingWait(resource: target.key, format: format, since: since, timeoutMilliseconds: timeout))
        return nil
    }

    /// The earliest point stamped strictly after `since` that the resource's retention still lets readers see at `now`.
    static func firstPoint(_ db: Database, resource: Int64, after since: Int, now: Int) throws -> (timestamp: Int, value: PointValue)? {
        guard since < Int.max, let record = try ResourceRecord.fetch(db, id: resource) else { return nil }
        var start = since + 1
        // Points older than the retention window may linger on disk until the next write.
        if let oldest = Retention(record.description).oldestReadable(now: now) { start = max(start, oldest) }
        return try PointStore.window(db, resource: resource, start: start, end: Int.max, ascending: true, limit: 1).first
    }

    /// The call's result: `[timestamp, value]`.
    static func answer(_ point: (timestamp: Int, value: PointValue), format: DataFormat) -> JSON {
        [.int(point.timestamp), point.value.json(as: format)]
    }

    private static func timeoutMilliseconds(_ value: JSON?) throws -> Double {
        guard let value, !value.isNull else { return defaultTimeoutMilliseconds }
        guard value.isNumber, let number = value.doubleValue else {
            throw CallFailure.arguments("timeout must be a number of milliseconds")
        }
        guard number.isFinite, number >= 0, number <= maximumTimeoutMilliseconds else { throw CallFailure.invalid }
        return number
    }

    private static func sinceTimestamp(_ value: JSON?) throws -> Int? {
        guard let value, !value.isNull else { return nil }
        guard value.isNumber else { throw CallFailure.arguments("since must be a unix timestamp or null") }
        guard let seconds = value.timestampSeconds else { throw CallFailure.invalid }
        return seconds
    }
}
