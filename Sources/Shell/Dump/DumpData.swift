import OneP
import OnePJSON

/// Reads every point of many resources in ascending time, a page per resource per request for a
/// group of resources at a time, and hands each page on as it arrives; only one request's answer
/// is held at once.
struct DumpData {
    let client: PlatformClient
    /// Resources read together in one request.
    var groupSize = 50
    /// Points asked of each resource per call.
    var pageSize = 2_000
    /// The latest time asked for: points recorded in the future are points too.
    static let endOfTime = 253_402_300_799

    /// - Parameter page: called with each resource's RID and the points of one page, in order.
    /// - Returns: how many points were read.
    @discardableResult
    func read(_ rids: [String], page: (String, [JSON]) async throws -> Void) async throws -> Int {
        var total = 0
        var start = 0
        while start < rids.count {
            var pending = rids[start..<min(start + groupSize, rids.count)].map { (rid: $0, from: 0) }
            while !pending.isEmpty {
                try Task.checkCancellation()
                let options = { (from: Int) in ReadOptions(starttime: from, endtime: Self.endOfTime, sort: .asc, limit: pageSize) }
                let results = try await client.batch(pending.map { .read(.rid($0.rid), options($0.from)) })
                var next: [(rid: String, from: Int)] = []
                for (item, result) in zip(pending, results) {
                    let points = try result.get()?.arrayValue ?? []
                    total += points.count
                    if !points.isEmpty { try await page(item.rid, points) }
                    if points.count == pageSize, let last = points.last?[0]?.intValue { next.append((item.rid, last + 1)) }
                }
                pending = next
            }
            start += groupSize
        }
        return total
    }
}
