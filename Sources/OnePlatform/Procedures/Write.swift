import GRDB
import OnePJSON

/// `write` and `writegroup`: new values stamped with the current time.
enum WriteProcedures {
    /// `[resource, value]` or `[resource, value, {}]`.
    static func write(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let target = try context.resource(try arguments.required(0, "resource"))
        let value = try arguments.required(1, "value")
        _ = try arguments.options(2)
        let writer = try PointWriter(context: context, target: target)
        guard let prepared = try writer.prepare(value) else { throw CallFailure.invalid }
        try writer.store(prepared, at: context.now)
        return nil
    }

    /// `[[[resource, value], ...]]`: every value at the same timestamp, all or none.
    static func writegroup(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(1)
        let entries = try arguments.list(0, "entries")
        var prepared: [(PointWriter, PointValue)] = []
        for entry in entries {
            guard let pair = entry.arrayValue, pair.count == 2 else {
                throw CallFailure.arguments("each writegroup entry is [resource, value]")
            }
            let writer = try PointWriter(context: context, target: try context.resource(pair[0]))
            guard let value = try writer.prepare(pair[1]) else { throw CallFailure.invalid }
            prepared.append((writer, value))
        }
        for (writer, value) in prepared { try writer.store(value, at: context.now) }
        return nil
    }
}
