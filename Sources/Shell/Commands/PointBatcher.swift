import OneP
import OnePJSON

/// Sends points to one or more resources through recordbatch as they come, a chunk per request (a
/// recordbatch call per resource), so only one chunk is ever held. When the platform refuses
/// points of a chunk it stores the rest of that chunk, and the batcher stops there: it throws
/// ``Refused``, naming the input line of the first refused point and how many points were stored.
struct PointBatcher {
    /// The platform refused points of the chunk just sent; the points before and the others of
    /// that chunk were stored, nothing after it was sent.
    struct Refused: Error {
        /// The input line of the first refused point (0 for a point given as an argument).
        var line: Int
        /// Its column among the resources.
        var column: Int
        var timestamp: Int
        var value: JSON
        /// The status the platform gave it.
        var status: String
        /// How many points of the chunk the platform refused.
        var count: Int
        /// Points stored in all.
        var recorded: Int
        /// The last input line whose points were sent.
        var lastLine: Int
    }

    private(set) var resources: [ResourceID]
    let client: PlatformClient
    let chunkSize: Int

    /// Per column: each pending point and the input line it came from.
    private var pending: [[(Int, JSON)]]
    private var pendingLines: [[Int]]
    private var pendingCount = 0
    private var lastLine = 0
    /// Points already sent, refused or not.
    private(set) var sent = 0
    private(set) var refusedCount = 0
    /// Told how many points the platform has taken after each request.
    var onSent: (@Sendable (Int) -> Void)?

    init(resources: [ResourceID], client: PlatformClient, chunkSize: Int) {
        self.resources = resources
        self.client = client
        self.chunkSize = chunkSize
        pending = Array(repeating: [], count: resources.count)
        pendingLines = pending.map { _ in [] }
    }

    /// Points the platform took.
    var recorded: Int { sent - refusedCount }

    /// Sends the columns' points to `resources` from now on, as when a streamed input's header has
    /// just named them.
    mutating func aim(at resources: [ResourceID]) async throws {
        guard resources != self.resources else { return }
        try await flush()
        self.resources = resources
        pending = Array(repeating: [], count: resources.count)
        pendingLines = pending.map { _ in [] }
    }

    /// A row's values, each for the resource of its column.
    /// - Throws: ``Refused`` when a chunk this sends had points the platform refused.
    mutating func add(_ row: RecordReader.Row) async throws {
        for (column, value) in row.values {
            pending[column].append((row.time, value))
            pendingLines[column].append(row.line)
        }
        pendingCount += row.values.count
        if pendingCount >= chunkSize { try await flush() }
    }

    /// Sends what is pending, if anything.
    /// - Throws: ``Refused`` when the platform refused points of it.
    mutating func flush() async throws {
        guard pendingCount > 0 else { return }
        try Task.checkCancellation()
        let columns = pending.indices.filter { !pending[$0].isEmpty }
        let results = try await client.batch(columns.map { .recordbatch(resources[$0], pending[$0]) })
        var first: Refused?
        var refusedHere = 0
        for (column, result) in zip(columns, results) {
            guard case .refusedPoints(let points) = result.status else {
                _ = try result.get()
                continue
            }
            refusedHere += points.count
            for point in points {
                guard let at = pending[column].firstIndex(where: { $0.0 == point.timestamp }) else { continue }
                let line = pendingLines[column][at]
                if first == nil || line < first?.line ?? 0 {
                    first = Refused(
                        line: line, column: column, timestamp: point.timestamp, value: pending[column][at].1, status: point.status, count: 0,
                        recorded: 0, lastLine: 0)
                }
            }
        }
        lastLine = max(lastLine, pendingLines.lazy.compactMap(\.last).max() ?? 0)
        sent += pendingCount
        refusedCount += refusedHere
        pendingCount = 0
        for index in pending.indices {
            pending[index].removeAll(keepingCapacity: true)
            pendingLines[index].removeAll(keepingCapacity: true)
        }
        onSent?(recorded)
        if refusedHere > 0 {
            var refused = first ?? Refused(line: 0, column: 0, timestamp: 0, value: .null, status: "invalid", count: 0, recorded: 0, lastLine: 0)
            refused.count = refusedHere
            refused.recorded = recorded
            refused.lastLine = lastLine
            throw refused
        }
    }
}
