import GRDB
import OnePJSON

/// `record` and `recordbatch`: values with their own timestamps.
enum RecordProcedures {
    /// `[resource, [[timestamp, value], ...], {}]` (the options may be left out): all or none.
    static func record(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(3)
        let (writer, entries) = try prepare(context, arguments)
        _ = try arguments.options(2)
        var points: [(Int, PointValue)] = []
        for entry in entries {
            guard let point = try point(entry, writer) else { throw CallFailure.invalid }
            points.append(point)
        }
        if let bulk = try writer.bulk() {
            for (timestamp, value) in points { try bulk.put(timestamp: timestamp, value: value) }
            try writer.finish(bulk)
        } else {
            for (timestamp, value) in points { try writer.store(value, at: timestamp) }
        }
        return nil
    }

    /// `[resource, [[timestamp, value], ...]]`: good points are stored, bad ones are listed.
    static func recordbatch(_ context: CallContext, _ arguments: Arguments) throws -> JSON? {
        try arguments.expectAtMost(2)
        let (writer, entries) = try prepare(context, arguments)
        var refused: [JSON] = []
        let bulk = try writer.bulk()
        for entry in entries {
            if let (timestamp, value) = try point(entry, writer) {
                if let bulk { try bulk.put(timestamp: timestamp, value: value) } else { try writer.store(value, at: timestamp) }
            } else {
                refused.append([entry.arrayValue?.first ?? .null, .string(CallStatus.invalid.word)])
            }
        }
        if let bulk { try writer.finish(bulk) }
        if !refused.isEmpty { throw CallFailure.pointStatuses(refused) }
        return nil
    }

    private static func prepare(_ context: CallContext, _ arguments: Arguments) throws -> (PointWriter, [JSON]) {
        let target = try context.resource(try arguments.required(0, "resource"))
        let entries = try arguments.list(1, "entries")
        return (try PointWriter(context: context, target: target), entries)
    }

    /// A `[timestamp, value]` entry ready to store, or nil when either part is unacceptable.
    private static func point(_ entry: JSON, _ writer: PointWriter) throws -> (Int, PointValue)? {
        guard let pair = entry.arrayValue, pair.count == 2, let timestamp = writer.timestamp(pair[0]),
            let value = try writer.prepare(pair[1])
        else { return nil }
        return (timestamp, value)
    }
}
