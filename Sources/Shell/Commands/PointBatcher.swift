import OneP
import OnePJSON

/// Sends points to one resource through recordbatch as they come, a chunk per request, so only one
/// chunk is ever held. It keeps the count of refused points and the first few of them to show.
struct PointBatcher {
    let resource: ResourceID
    let client: PlatformClient
    let chunkSize: Int

    private var pending: [(Int, JSON)] = []
    /// Points already sent, refused or not.
    private(set) var sent = 0
    private(set) var refusedCount = 0
    private(set) var refusedShown: [CallStatus.RefusedPoint] = []
    /// The value of the first refused point, to explain the refusal.
    private(set) var refusedValue: JSON?
    /// Told how many points the platform has taken after each request.
    var onSent: (@Sendable (Int) -> Void)?

    init(resource: ResourceID, client: PlatformClient, chunkSize: Int) {
        self.resource = resource
        self.client = client
        self.chunkSize = chunkSize
        pending.reserveCapacity(chunkSize)
    }

    /// Points the platform took.
    var recorded: Int { sent - refusedCount }

    mutating func add(_ point: (Int, JSON)) async throws {
        pending.append(point)
        if pending.count >= chunkSize { try await flush() }
    }

    /// Sends what is pending, if anything.
    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        try Task.checkCancellation()
        let result = try await client.batch([.recordbatch(resource, pending)])[0]
        if case .refusedPoints(let points) = result.status {
            refusedCount += points.count
            refusedShown += points.prefix(max(0, 5 - refusedShown.count))
            if refusedValue == nil, let first = points.first, let point = pending.first(where: { $0.0 == first.timestamp }) {
                refusedValue = point.1
            }
        } else {
            _ = try result.get()
        }
        sent += pending.count
        pending.removeAll(keepingCapacity: true)
        onSent?(recorded)
    }
}
