import GRDB
import OnePJSON

/// What a dispatch does with a value that reaches it.
///
/// The embedded platform sends nothing over the network. Each publication stores, in the
/// dispatch's own time series, the message it would deliver; a dispatch that cannot deliver
/// (it or its owner is locked, the owner used up today's allowance of the method's consumable,
/// or the bucket it draws that consumable from is empty)
/// stores `undelivered` instead, as the API documents. Each message that would go out counts as
/// one use of the consumable for the owner, so `usage` and `info` `counts` see it.
struct Delivery {
    static let undelivered = "undelivered"

    let dispatch: ResourceRecord

    /// The value to store for a publication of `value` (already preprocessed) at `now`.
    func deliver(_ value: PointValue, in db: Database, now: Int) throws -> PointValue {
        let owner = try dispatch.parentID.flatMap { try ResourceRecord.fetch(db, id: $0) }
        guard let owner, !dispatch.isLocked, !owner.isLocked else { return .text(Self.undelivered) }
        if let metric = consumable {
            guard try Self.consume(metric, for: owner, in: db, now: now) else { return .text(Self.undelivered) }
        }
        return .text(message(for: value))
    }

    /// Takes one use of `metric` for a message `owner` sends (by a dispatch or a script): false,
    /// taking nothing, when today's allowance or the bucket it draws from has no room.
    static func consume(_ metric: String, for owner: ResourceRecord, in db: Database, now: Int) throws -> Bool {
        guard try allowsOneMore(metric, owner: owner, in: db, now: now), try ConsumableBucket(db: db).drawOne(metric, for: owner)
        else { return false }
        try ConsumptionStore.record(db, client: owner.key, metric: metric, at: now)
        return true
    }

    /// Whether the daily limit that governs the owner's use of `metric` has room for one more.
    ///
    /// The governing limit is the owner's, or for `"inherit"` the nearest ancestor's that is a
    /// number, which then covers what its whole subhierarchy used today (UTC); `"inherit"` all
    /// the way to the root means no limit.
    private static func allowsOneMore(_ metric: String, owner: ResourceRecord, in db: Database, now: Int) throws -> Bool {
        var client: ResourceRecord? = owner
        while let current = client {
            switch LimitLedger.limit(of: current, metric) {
            case .count(let allowed):
                let used = try ConsumptionStore.total(
                    db, client: current.key, metric: metric, start: ConsumptionStore.dayStart(of: now), end: now)
                return used < allowed
            case .inherit:
                client = try current.parentID.flatMap { try ResourceRecord.fetch(db, id: $0) }
            }
        }
        return true
    }

    /// The configured message, or the value itself when none is configured.
    func message(for value: PointValue) -> String {
        if let message = dispatch.description["message"]?.stringValue, !message.isEmpty { return message }
        switch value.json(as: .string) {
        case .string(let text): return text
        case let other: return other.serialized()
        }
    }

    /// The consumable a delivery by this dispatch's method uses.
    private var consumable: String? {
        switch dispatch.description["method"]?.stringValue {
        case "email": return "email"
        case "sms": return "sms"
        case "xmpp": return "xmpp"
        case "http_get", "http_post", "http_put": return "http"
        default: return nil
        }
    }
}
