import GRDB
import OnePJSON

/// Storing values into a resource's time series, shared by write, writegroup, record and recordbatch.
struct PointWriter {
    let context: CallContext
    let target: ResourceRecord
    private let format: DataFormat
    private let preprocess: Preprocess

    /// - Throws: `invalid` for a resource that keeps no time series (a client).
    init(context: CallContext, target: ResourceRecord) throws {
        guard target.type.keepsPoints, let format = target.format else { throw CallFailure.invalid }
        self.context = context
        self.target = target
        self.format = format
        self.preprocess = Preprocess(target.description)
    }

    /// The value as it will be stored, or nil when it cannot be coerced or preprocessed.
    func prepare(_ json: JSON) throws -> PointValue? {
        guard let value = PointValue.coerce(json, to: format) else { return nil }
        if preprocess.isEmpty { return value }
        return try preprocess.apply(to: value, format: format) { operand in
            try latestValue(of: operand)
        }
    }

    func store(_ value: PointValue, at timestamp: Int) throws {
        try PointStore.put(context.db, resource: target.key, timestamp: timestamp, value: value)
        context.changes.record(target.key)
    }

    /// A timestamp argument in unix seconds; a negative one counts back from now.
    func timestamp(_ json: JSON) -> Int? {
        guard let number = json.doubleValue, number.isFinite else { return nil }
        let seconds = Int(exactly: number.rounded(.down)) ?? nil
        guard let seconds else { return nil }
        return seconds < 0 ? context.now + seconds : seconds
    }

    /// The latest value of a preprocess operand, named relative to the resource's owner.
    private func latestValue(of operand: JSON) throws -> PointValue? {
        guard let ownerID = target.parentID, let owner = try ResourceRecord.fetch(context.db, id: ownerID) else { return nil }
        let resource: ResourceRecord
        do {
            resource = try context.resource(operand, relativeTo: owner)
        } catch is CallFailure {
            return nil
        }
        return try PointStore.latest(context.db, resource: resource.key)?.value
    }
}
