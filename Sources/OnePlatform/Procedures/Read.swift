import GRDB
import OnePJSON

/// `read`: points of a resource in a time window, optionally downsampled.
enum ReadProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        let target = try context.resource(try arguments.required(0, "resource"))
        var query = try ReadQuery(try arguments.options(1), now: context.now)
        guard target.type.keepsPoints else { throw CallFailure.invalid }
        if let start = Retention(target.description).oldestReadable(now: context.now) { query.start = max(query.start, start) }
        let points = try query.points(context.db, resource: target.key)
        return .array(points.map { [.int($0.timestamp), $0.value.json(as: target.format)] })
    }
}
