import GRDB
import OnePJSON

/// The options of a read with their defaults filled in.
struct ReadQuery {
    enum Selection: String {
        case all, givenwindow, autowindow
    }

    var start = 0
    var end: Int
    var ascending = false
    var limit = 1
    var selection = Selection.all

    init(_ options: JSONObject, now: Int) throws {
        end = now
        if let value = options["starttime"] { start = try Self.time(value) }
        if let value = options["endtime"] { end = try Self.time(value) }
        if let value = options["sort"] {
            switch value.stringValue {
            case "asc": ascending = true
            case "desc": ascending = false
            default: throw CallFailure.invalid
            }
        }
        if let value = options["limit"] {
            guard value.isNumber else { throw CallFailure.arguments("limit must be a number") }
            guard let number = value.intValue, number >= 0 else { throw CallFailure.invalid }
            limit = number
        }
        if let value = options["selection"] {
            guard let text = value.stringValue, let selection = Selection(rawValue: text) else { throw CallFailure.invalid }
            self.selection = selection
        }
    }

    private static func time(_ json: JSON) throws -> Int {
        guard json.isNumber else { throw CallFailure.arguments("starttime and endtime are numbers") }
        guard let seconds = json.timestampSeconds else { throw CallFailure.invalid }
        return seconds
    }

    func points(_ db: Database, resource: Int64) throws -> [(timestamp: Int, value: PointValue)] {
        guard limit > 0, start <= end else { return [] }
        switch selection {
        case .all:
            return try PointStore.window(db, resource: resource, start: start, end: end, ascending: ascending, limit: limit)
        case .givenwindow:
            let all = try PointStore.window(db, resource: resource, start: start, end: end, ascending: true, limit: nil)
            return ordered(givenWindow(all))
        case .autowindow:
            let all = try PointStore.window(db, resource: resource, start: start, end: end, ascending: true, limit: nil)
            return ordered(autoWindow(all))
        }
    }

    /// The points of a read of every point (selection `all`) handed to `body` in order as they are
    /// read, none held; the same points as ``points(_:resource:)``.
    func forEachPoint(_ db: Database, resource: Int64, _ body: (Int, PointValue) throws -> Void) throws {
        precondition(selection == .all, "a downsampled read needs the whole window first")
        guard limit > 0, start <= end else { return }
        try PointStore.forEach(db, resource: resource, start: start, end: end, ascending: ascending, limit: limit, body)
    }

    /// The earliest point of each of `limit` equal slices of [start, end] that holds one.
    ///
    /// Measured in floating point: a window may span the whole 64-bit time line, whose length no
    /// integer holds, and a slice number is clamped before it becomes an integer again.
    private func givenWindow(_ ascendingPoints: [(timestamp: Int, value: PointValue)]) -> [(timestamp: Int, value: PointValue)] {
        let span = Double(end) - Double(start) + 1
        let lastIndex = Double(limit - 1)
        var lastSlice = -1
        var chosen: [(timestamp: Int, value: PointValue)] = []
        for point in ascendingPoints {
            let position = ((Double(point.timestamp) - Double(start)) * Double(limit) / span).rounded(.down)
            let slice = position >= lastIndex ? limit - 1 : max(0, Int(position))
            if slice != lastSlice {
                chosen.append(point)
                lastSlice = slice
            }
        }
        return chosen
    }

    /// At most `limit` points spread evenly over the points in the window, ends included.
    private func autoWindow(_ ascendingPoints: [(timestamp: Int, value: PointValue)]) -> [(timestamp: Int, value: PointValue)] {
        let count = ascendingPoints.count
        guard count > limit else { return ascendingPoints }
        if limit == 1 { return [ascendingPoints[count - 1]] }
        return (0..<limit).map { index in
            ascendingPoints[index * (count - 1) / (limit - 1)]
        }
    }

    private func ordered(_ ascendingPoints: [(timestamp: Int, value: PointValue)]) -> [(timestamp: Int, value: PointValue)] {
        ascending ? ascendingPoints : ascendingPoints.reversed()
    }
}
