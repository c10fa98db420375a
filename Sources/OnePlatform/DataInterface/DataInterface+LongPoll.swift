import GRDB

/// Long polling on `/onep:v1/stack/alias`: a read that waits for the dataport's next point.
extension DataInterfaceEngine {
    /// The longest `Request-Timeout` accepted, in milliseconds.
    static let maximumLongPollMilliseconds = 300_000

    /// Answers the first point after `If-Modified-Since` (or after the request arrived) with its
    /// time in `Last-Modified`, or 304 once `Request-Timeout` milliseconds pass without one.
    func longPoll(_ request: DataInterfaceRequest, aliases: [String], timeout: String) async throws -> DataInterfaceResponse {
        guard aliases.count == 1, let alias = aliases.first else {
            throw DataInterfaceFailure.badRequest("a long poll reads exactly one alias")
        }
        guard let milliseconds = Int(timeout.trimmingCharacters(in: .whitespaces)),
            (0...Self.maximumLongPollMilliseconds).contains(milliseconds)
        else {
            throw DataInterfaceFailure.badRequest("Request-Timeout is a number of milliseconds from 0 to \(Self.maximumLongPollMilliseconds)")
        }
        let since = try request.header("If-Modified-Since").map(Self.sinceTimestamp)
        // A write transaction, so no point committed before the change feed is noted can count as seen.
        let start = try await database.write { db -> LongPollStart in
            let context = try session(request, in: db, collecting: ChangeCollector())
            guard let target = try Self.dataport(alias, in: context), let format = target.format else { return .nothingToWatch }
            if let since, let point = try WaitProcedure.firstPoint(db, resource: target.key, after: since, now: context.now) {
                return .found(point, format)
            }
            let wait = PendingWait(resource: target.key, format: format, since: since, timeoutMilliseconds: Double(milliseconds))
            try changes.catchUp(in: db)
            return .waiting(wait, seen: changes.version(of: target.key))
        }
        switch start {
        case .nothingToWatch:
            return .noContent
        case .found(let point, let format):
            return Self.answer(alias, point, format: format)
        case .waiting(let wait, let seen):
            let deadline = clock.now() + wait.timeoutMilliseconds / 1000
            let waiter = Waiter(database: database, clock: clock, changes: changes)
            guard let point = try await waiter.answer(wait, seen: seen, deadline: deadline, release: release) else { return .notModified }
            return Self.answer(alias, point, format: wait.format)
        }
    }

    private enum LongPollStart: Sendable {
        case nothingToWatch
        case found((timestamp: Int, value: PointValue), DataFormat)
        case waiting(PendingWait, seen: UInt64)
    }

    private static func answer(_ alias: String, _ point: (timestamp: Int, value: PointValue), format: DataFormat) -> DataInterfaceResponse {
        var response = DataInterfaceResponse.form([(alias, text(of: point.value, format: format))])
        response.headers.append(("Last-Modified", HTTPDate.format(point.timestamp)))
        return response
    }

    /// Unix seconds or an HTTP date.
    private static func sinceTimestamp(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds }
        guard let seconds = HTTPDate.parse(trimmed) else {
            throw DataInterfaceFailure.badRequest("If-Modified-Since is unix seconds or an HTTP date")
        }
        return seconds
    }
}
