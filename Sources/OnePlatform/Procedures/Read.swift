import GRDB
import OnePJSON

/// `read`: points of a resource in a time window, optionally downsampled.
enum ReadProcedure {
    static func run(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        let (target, query) = try prepare(context, arguments)
        return answer(try query.points(context.db, resource: target.key), format: target.format)
    }

    /// The same result as ``run(_:_:)``, written as JSON text straight into the answer: a page of
    /// every point in a window makes no JSON value per point.
    static func write(_ context: CallContext, _ arguments: Arguments, into output: inout [UInt8]) throws {
        let (target, query) = try prepare(context, arguments)
        guard query.selection == .all else {
            return answer(try query.points(context.db, resource: target.key), format: target.format).write(into: &output)
        }
        output.append(UInt8(ascii: "["))
        let opening = output.count
        try query.forEachPoint(context.db, resource: target.key) { timestamp, value in
            if output.count > opening { output.append(UInt8(ascii: ",")) }
            output.append(UInt8(ascii: "["))
            JSON.appendDigits(of: timestamp, to: &output)
            output.append(UInt8(ascii: ","))
            value.json(as: target.format).write(into: &output)
            output.append(UInt8(ascii: "]"))
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Points as `read` answers them: `[timestamp, value]` pairs, values as the format writes them.
    private static func answer(_ points: [(timestamp: Int, value: PointValue)], format: DataFormat?) -> JSON {
        .array(points.map { [.int($0.timestamp), $0.value.json(as: format)] })
    }

    /// The resource and the query, checked.
    private static func prepare(_ context: CallContext, _ arguments: Arguments) throws -> (ResourceRecord, ReadQuery) {
        try arguments.expectAtMost(2)
        let target = try context.resource(try arguments.required(0, "resource"))
        var query = try ReadQuery(try arguments.options(1), now: context.now)
        guard target.type.keepsPoints else { throw CallFailure.invalid }
        if let start = Retention(target.description).oldestReadable(now: context.now) { query.start = max(query.start, start) }
        return (target, query)
    }
}
