import GRDB
import OnePJSON

/// The buckets of consumables (email, http, sms, xmpp) a client may still use.
///
/// A client whose `<metric>_bucket` limit is a number holds a bucket of that metric; one whose
/// limit is `"inherit"` uses the bucket of its nearest ancestor that holds one, and with none
/// up to the root it is not limited by a bucket at all. Setting the limit (on create, clone or
/// `update`) fills the bucket up to the new number, taking what it adds from the bucket the
/// owner uses, for as long as that one has anything left; a bucket with nothing left makes a
/// delivery fail.
struct ConsumableBucket {
    static let metrics = ["email", "http", "sms", "xmpp"]

    let db: Database

    static func limitKey(_ metric: String) -> String { metric + "_bucket" }

    /// What is left in `client`'s own bucket of `metric` (0 when it never held one).
    func remaining(_ metric: String, of client: Int64) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT remaining FROM consumable_bucket WHERE client_id = ? AND metric = ?"), arguments: [client, metric])
            ?? 0
    }

    /// Fills every bucket whose limit `input` sets to a number, up to that number.
    func fill(_ client: ResourceRecord, limits input: JSON?) throws {
        for metric in Self.metrics {
            guard let wanted = input?[Self.limitKey(metric)]?.intValue else { continue }
            try fill(client, metric, to: wanted)
        }
    }

    /// Brings `client`'s bucket of `metric` to `wanted`, drawing any increase from its owner's bucket.
    func fill(_ client: ResourceRecord, _ metric: String, to wanted: Int) throws {
        let current = try remaining(metric, of: client.key)
        var level = min(current, wanted)
        if wanted > current {
            let parent = try client.parentID.flatMap { try ResourceRecord.fetch(db, id: $0) }
            level = current + (try parent.map { try take(upTo: wanted - current, metric, for: $0) } ?? (wanted - current))
        }
        // A bucket never held reads as 0: a new client with a limit of 0 (the default) needs no row.
        guard level != current else { return }
        try set(metric, of: client.key, to: level)
    }

    /// Takes one unit of `metric` for a delivery by a resource of `client`; false when its bucket is empty.
    func drawOne(_ metric: String, for client: ResourceRecord) throws -> Bool {
        try take(upTo: 1, metric, for: client) == 1
    }

    /// Takes up to `amount` from the bucket `client` uses and returns how much it got.
    private func take(upTo amount: Int, _ metric: String, for client: ResourceRecord) throws -> Int {
        guard let holder = try holder(of: metric, for: client) else { return amount }
        let available = try remaining(metric, of: holder.key)
        let taken = max(0, min(amount, available))
        if taken > 0 { try set(metric, of: holder.key, to: available - taken) }
        return taken
    }

    /// The client whose bucket `client` uses: itself, or through `"inherit"` its nearest ancestor with one.
    private func holder(of metric: String, for client: ResourceRecord) throws -> ResourceRecord? {
        var node: ResourceRecord? = client
        while let current = node {
            if case .count = LimitLedger.limit(of: current, Self.limitKey(metric)) { return current }
            node = try current.parentID.flatMap { try ResourceRecord.fetch(db, id: $0) }
        }
        return nil
    }

    private func set(_ metric: String, of client: Int64, to level: Int) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO consumable_bucket (client_id, metric, remaining) VALUES (?, ?, ?)
                ON CONFLICT (client_id, metric) DO UPDATE SET remaining = excluded.remaining
                """
        ).execute(arguments: [client, metric, level])
    }
}
