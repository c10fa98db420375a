import GRDB

/// Amounts of consumables (shares, email, http, sms, xmpp) used by clients, by time.
///
/// Dispatch deliveries record here what they send, so `usage` and the daily `counts` see it.
enum ConsumptionStore {
    static let metrics = ["share", "email", "http", "sms", "xmpp"]

    static func record(_ db: Database, client: Int64, metric: String, at timestamp: Int, amount: Int = 1) throws {
        try db.execute(
            sql: "INSERT INTO consumption (client_id, metric, timestamp, amount) VALUES (?, ?, ?, ?)",
            arguments: [client, metric, timestamp, amount])
    }

    /// What `client` alone used of each metric in `start...end`.
    static func own(_ db: Database, client: Int64, start: Int, end: Int) throws -> [String: Int] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT metric, sum(amount) FROM consumption WHERE client_id = ? AND timestamp BETWEEN ? AND ?
                GROUP BY metric
                """,
            arguments: [client, start, end])
        return Dictionary(rows.map { ($0[0], $0[1]) }, uniquingKeysWith: +)
    }

    /// What `client` and every client below it used of `metric` in `start...end`.
    static func total(_ db: Database, client: Int64, metric: String, start: Int, end: Int) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                WITH RECURSIVE below(id) AS (
                    SELECT ? UNION ALL SELECT r.id FROM resource r JOIN below b ON r.parent_id = b.id)
                SELECT coalesce(sum(c.amount), 0) FROM consumption c JOIN below b ON c.client_id = b.id
                WHERE c.metric = ? AND c.timestamp BETWEEN ? AND ?
                """,
            arguments: [client, metric, start, end]) ?? 0
    }

    /// The first second of the UTC day holding `timestamp`.
    static func dayStart(of timestamp: Int) -> Int {
        timestamp - ((timestamp % 86_400) + 86_400) % 86_400
    }
}
