import GRDB
import OnePJSON

/// Storing values into a resource's time series, shared by write, writegroup, record and recordbatch.
///
/// A value arrives, the resource takes it as its kind does (a dataport keeps it, a datarule runs
/// its rule, a dispatch delivers it), the result is stored under the resource's retention, and
/// then it is published to the resources subscribed to this one.
struct PointWriter {
    let context: CallContext
    let target: ResourceRecord
    let format: DataFormat
    private let preprocess: Preprocess
    private let intake: Intake
    private let retention: Retention
    private let subscribers = SubscriberList()
    private let storage = PointStorage()

    /// - Throws: `invalid` for a resource that keeps no time series (a client).
    init(context: CallContext, target: ResourceRecord) throws {
        guard target.type.keepsPoints, let format = target.format else { throw CallFailure.invalid }
        self.context = context
        self.target = target
        self.format = format
        self.preprocess = Preprocess(target.description)
        self.intake = Intake(target)
        self.retention = Retention(target.description)
    }

    /// The value as it will arrive, or nil when it cannot be coerced or preprocessed.
    func prepare(_ json: JSON) throws -> PointValue? {
        guard let value = PointValue.coerce(json, to: inputFormat) else { return nil }
        return try preprocessed(value)
    }

    /// A value published by the resource this one subscribes to, prepared as a write would be,
    /// except that a number which does not fit the format exactly is converted (an integer
    /// resource drops the fraction).
    func prepare(published value: PointValue) throws -> PointValue? {
        let coerced =
            PointValue.coerce(value.json(as: nil), to: inputFormat) ?? value.number.flatMap { PointValue.fromNumber($0, format: inputFormat) }
        guard let coerced else { return nil }
        return try preprocessed(coerced)
    }

    /// A prepared value arrives at `timestamp`.
    func store(_ value: PointValue, at timestamp: Int) throws {
        try store(value, at: timestamp, propagation: Propagation(origin: target.key))
    }

    func store(_ value: PointValue, at timestamp: Int, propagation: Propagation) throws {
        switch intake {
        case .keeps:
            try record(value, at: timestamp, propagation: propagation)
        case .rule(let rule):
            try RuleRunner(writer: self, rule: rule).receive(value, at: timestamp, propagation: propagation)
        case .dispatch:
            let output = try Delivery(dispatch: target).deliver(value, in: context.db, now: context.now)
            try record(output, at: timestamp, propagation: propagation)
        }
    }

    /// Stores a point the resource keeps or produced, then publishes it to its subscribers.
    func record(_ value: PointValue, at timestamp: Int, propagation: Propagation) throws {
        try storage.inserter(context.db).put(resource: target.key, timestamp: timestamp, value: value)
        storage.noteChange(of: target.key, in: context.changes)
        if !retention.isUnlimited { try retention.prune(context.db, resource: target.key, now: context.now) }
        try propagation.publish(value, to: try subscribers.of(target, in: context), at: timestamp, context: context)
    }

    /// An inserter taking many points of this resource per insert, when storing a point here
    /// does nothing but insert it: the resource keeps values as they arrive (no rule, no
    /// dispatch, no preprocess reading the latest values), keeps every point and has no
    /// subscriber, so nothing reads its series between two points of a batch. Nil otherwise:
    /// then each point goes through ``store(_:at:)``. End with ``finish(_:)``.
    func bulk() throws -> PointStore.BulkInserter? {
        guard case .keeps = intake, retention.isUnlimited, preprocess.isEmpty, try subscribers.of(target, in: context).isEmpty else {
            return nil
        }
        return try PointStore.BulkInserter(context.db, resource: target.key)
    }

    /// Stores the points `bulk` still holds and notes the change, as ``store(_:at:)`` would have.
    func finish(_ bulk: PointStore.BulkInserter) throws {
        try bulk.finish()
        if !bulk.isEmpty { storage.noteChange(of: target.key, in: context.changes) }
    }

    /// A timestamp argument in unix seconds; a negative one counts back from now, and one that
    /// counts back past the earliest second a timestamp holds is nil.
    func timestamp(_ json: JSON) -> Int? {
        guard let seconds = json.timestampSeconds else { return nil }
        guard seconds < 0 else { return seconds }
        let (counted, overflow) = context.now.addingReportingOverflow(seconds)
        return overflow ? nil : counted
    }

    private var inputFormat: DataFormat { intake.inputFormat(storing: format) }

    private func preprocessed(_ value: PointValue) throws -> PointValue? {
        if preprocess.isEmpty { return value }
        return try preprocess.apply(to: value, format: inputFormat) { operand in
            try latestValue(of: operand)
        }
    }

    /// The latest readable value of a preprocess operand, named relative to the resource's owner.
    private func latestValue(of operand: JSON) throws -> PointValue? {
        guard let ownerID = target.parentID, let owner = try ResourceRecord.fetch(context.db, id: ownerID) else { return nil }
        let resource: ResourceRecord
        do {
            resource = try context.resource(operand, relativeTo: owner)
        } catch is CallFailure {
            return nil
        }
        return try Retention.latestReadable(context.db, resource: resource, now: context.now)?.value
    }
}

/// The resources subscribed to a writer's target, looked up at its first store: a batch of points
/// into one resource asks once, not once per point (and a small request may find them in the
/// connection's memory). Subscriptions change only by `create` and `update`, never while a writer stores.
final class SubscriberList {
    private var loaded: [ResourceRecord]?

    func of(_ target: ResourceRecord, in context: CallContext) throws -> [ResourceRecord] {
        if let loaded { return loaded }
        let found = try context.memory?.subscribers(of: target, in: context.db) ?? Propagation.subscribers(of: target, in: context.db)
        loaded = found
        return found
    }
}

/// What a writer keeps across the points it stores: the prepared insert, and whether its resource
/// is noted as changed (once is enough: the collector keeps a set).
final class PointStorage {
    private var prepared: PointStore.Inserter?
    private var noted = false

    func inserter(_ db: Database) throws -> PointStore.Inserter {
        if let prepared { return prepared }
        let inserter = try PointStore.Inserter(db)
        prepared = inserter
        return inserter
    }

    func noteChange(of key: Int64, in changes: ChangeCollector) {
        guard !noted else { return }
        noted = true
        changes.record(key)
    }
}
