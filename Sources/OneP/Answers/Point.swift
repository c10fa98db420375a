import OnePJSON

/// One point of a time series: a unix timestamp and the value stored at it.
public struct Point: Sendable, Hashable {
    public let timestamp: Int
    public let value: JSON

    public init(timestamp: Int, value: JSON) {
        self.timestamp = timestamp
        self.value = value
    }

    /// The points of a `read` (or `wait`) result.
    /// - Throws: ``OnePError`` of kind malformed answer when `result` is not a list of `[timestamp, value]` pairs.
    public static func list(from result: JSON?) throws(OnePError) -> [Point] {
        guard let entries = result?.arrayValue else {
            throw .malformedAnswer("expected a list of points, got \(result?.kindName ?? "nothing")")
        }
        var points: [Point] = []
        points.reserveCapacity(entries.count)
        for entry in entries {
            points.append(try Point(pair: entry))
        }
        return points
    }

    /// A point from its wire form `[timestamp, value]`.
    public init(pair: JSON) throws(OnePError) {
        guard let pair = pair.arrayValue, pair.count == 2, let timestamp = pair[0].intValue else {
            throw .malformedAnswer("expected a [timestamp, value] pair, got \(pair.serialized())")
        }
        self.init(timestamp: timestamp, value: pair[1])
    }

    public var json: JSON { [.int(timestamp), value] }
}
