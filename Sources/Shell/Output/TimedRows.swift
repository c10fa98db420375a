import OnePJSON

/// Rows of a timestamp and one value per series, as `read` merges them: the timestamps and the
/// values are kept in two flat lists, so a batch of rows makes no list per row.
struct TimedRows: RandomAccessCollection, Sendable {
    /// Values in each row.
    let width: Int
    /// Each row's timestamp.
    private(set) var times: [Int] = []
    /// The rows' values one after another, `width` to a row.
    private(set) var values: [JSON] = []

    init(width: Int, capacity: Int = 0) {
        self.width = width
        times.reserveCapacity(capacity)
        values.reserveCapacity(capacity * width)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { times.count }

    subscript(position: Int) -> (time: Int, values: ArraySlice<JSON>) {
        (times[position], values[position * width..<(position + 1) * width])
    }

    /// Adds a row whose values are all null, to be filled in with ``set(_:column:)``.
    mutating func appendRow(time: Int) {
        times.append(time)
        values.append(contentsOf: repeatElement(.null, count: width))
    }

    /// Adds a row of a single series.
    mutating func appendRow(time: Int, value: JSON) {
        precondition(width == 1, "a row of one value in rows of \(width)")
        times.append(time)
        values.append(value)
    }

    /// Sets a value of the last row.
    mutating func setLast(_ value: JSON, column: Int) {
        values[values.count - width + column] = value
    }

    /// The rows as a table holds them: the timestamp, then the values.
    var tableRows: [[JSON]] {
        indices.map { [.int(times[$0])] + self[$0].values }
    }

    /// The rows as pairs of a timestamp and its values.
    var pairs: [(Int, [JSON])] {
        indices.map { (times[$0], Array(self[$0].values)) }
    }
}
