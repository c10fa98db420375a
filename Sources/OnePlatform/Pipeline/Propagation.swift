import GRDB

/// One wave of publications that starts with one stored point.
///
/// Each resource takes part at most once per wave, so subscriptions that form a cycle end
/// instead of looping.
final class Propagation {
    private var reached: Set<Int64>

    init(origin: Int64) {
        reached = [origin]
    }

    /// Hands `value`, just stored in `source`, to every resource subscribed to it not yet reached.
    ///
    /// A subscriber that cannot take the value (text for a rule that compares numbers, a
    /// preprocess step that does not apply) lets it pass without failing the write.
    func publish(_ value: PointValue, from source: ResourceRecord, at timestamp: Int, context: CallContext) throws {
        try publish(value, to: try Self.subscribers(of: source, in: context.db), at: timestamp, context: context)
    }

    /// Like ``publish(_:from:at:context:)`` with the source's subscribers already looked up.
    func publish(_ value: PointValue, to subscribers: [ResourceRecord], at timestamp: Int, context: CallContext) throws {
        for subscriber in subscribers where reached.insert(subscriber.key).inserted {
            guard subscriber.type.keepsPoints else { continue }
            let writer = try PointWriter(context: context, target: subscriber)
            guard let input = try writer.prepare(published: value) else { continue }
            try writer.store(input, at: timestamp, propagation: self)
        }
    }

    /// The resources subscribed to `source`, oldest first.
    static func subscribers(of source: ResourceRecord, in db: Database) throws -> [ResourceRecord] {
        try db.all("SELECT * FROM resource WHERE subscribe_id = ? ORDER BY id", [source.key], decode: ResourceRecord.init(columns:))
    }
}
