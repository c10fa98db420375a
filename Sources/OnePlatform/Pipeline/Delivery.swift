import GRDB
import OnePJSON

/// What a dispatch does with a value that reaches it.
///
/// The embedded platform sends nothing over the network. Each publication stores, in the
/// dispatch's own time series, the message it would deliver; a dispatch that cannot deliver
/// (it or its owner is locked) stores `undelivered` instead, as the API documents. Each message
/// that would go out counts as one use of the method's consumable for the owner, so `usage` and
/// `info` `counts` see it.
struct Delivery {
    static let undelivered = "undelivered"

    let dispatch: ResourceRecord

    /// The value to store for a publication of `value` (already preprocessed) at `now`.
    func deliver(_ value: PointValue, in db: Database, now: Int) throws -> PointValue {
        let owner = try dispatch.parentID.flatMap { try ResourceRecord.fetch(db, id: $0) }
        if dispatch.isLocked || owner?.isLocked == true { return .text(Self.undelivered) }
        if let owner, let metric = consumable { try ConsumptionStore.record(db, client: owner.key, metric: metric, at: now) }
        return .text(message(for: value))
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
