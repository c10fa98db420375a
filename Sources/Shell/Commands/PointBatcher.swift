import OneP
import OnePJSON

/// Sends points to one or more resources through recordbatch as they come, a chunk per request (a
/// recordbatch call per resource), so only one chunk is ever held. It keeps the count of refused
/// points and the first few of them to show.
struct PointBatcher {
    private(set) var resources: [ResourceID]
    let client: PlatformClient
    let chunkSize: Int

    private var pending: [[(Int, JSON)]]
    private var pendingCount = 0
    /// Points already sent, refused or not.
    private(set) var sent = 0
    private(set) var refusedCount = 0
    private(set) var refusedShown: [CallStatus.RefusedPoint] = []
    /// The value of the first refused point, to explain the refusal.
    private(set) var refusedValue: JSON?
    /// Told how many points the platform has taken after each request.
    var onSent: (@Sendable (Int) -> Void)?

    init(resources: [ResourceID], client: PlatformClient, chunkSize: Int) {
        self.resources = resources
        self.client = client
        self.chunkSize = chunkSize
        pending = Array(repeating: [], count: resources.count)
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
    }

    /// A row's values, each for the resource of its column.
    mutating func add(_ row: RecordReader.Row) async throws {
        for (column, value) in row.values {
            pending[column].append((row.time, value))
        }
        pendingCount += row.values.count
        if pendingCount >= chunkSize { try await flush() }
    }

    /// Sends what is pending, if anything.
    mutating func flush() async throws {
        guard pendingCount > 0 else { return }
        try Task.checkCancellation()
        let columns = pending.indices.filter { !pending[$0].isEmpty }
        let results = try await client.batch(columns.map { .recordbatch(resources[$0], pending[$0]) })
        for (column, result) in zip(columns, results) {
            if case .refusedPoints(let points) = result.status {
                refusedCount += points.count
                refusedShown += points.prefix(max(0, 5 - refusedShown.count))
                if refusedValue == nil, let first = points.first, let point = pending[column].first(where: { $0.0 == first.timestamp }) {
                    refusedValue = point.1
                }
            } else {
                _ = try result.get()
            }
        }
        sent += pendingCount
        pendingCount = 0
        for index in pending.indices { pending[index].removeAll(keepingCapacity: true) }
        onSent?(recorded)
    }
}
