import OneP
import OnePJSON

/// Reads several series page by page and merges them into rows by timestamp as it goes, so a read
/// of millions of points holds at most one page per resource.
///
/// Each resource keeps a cursor: after a page of ascending points the next page starts one second
/// after its last point (descending: ends one second before). The pages every resource needs go
/// in one request. A row is made only while every resource still reading has points waiting, so
/// no later page can hold an earlier timestamp than the rows already made.
struct ReadPager {
    /// The resources' ids, in column order.
    let resources: [ResourceID]
    /// The window, order and selection asked for; its limit is ignored (see `limit`).
    let options: ReadOptions
    /// Points per resource at most; nil for every point in the window.
    let limit: Int?
    /// Points asked for per resource per request.
    let chunk: Int

    private var waiting: [ArraySlice<(Int, JSON)>]
    private var taken: [Int]
    private var exhausted: [Bool]
    private var cursor: [Int?]

    /// Calls per request: the platform's calls array is the batching unit.
    static let callsPerRequest = 50

    init(resources: [ResourceID], options: ReadOptions, limit: Int?, chunk: Int) {
        self.resources = resources
        self.options = options
        self.limit = limit
        self.chunk = max(1, chunk)
        waiting = Array(repeating: [], count: resources.count)
        taken = Array(repeating: 0, count: resources.count)
        exhausted = Array(repeating: false, count: resources.count)
        cursor = Array(repeating: nil, count: resources.count)
    }

    private var ascending: Bool { options.sort == .asc }

    /// The next merged rows (timestamp, one value per resource or null), or nil when every
    /// resource has given all it has.
    mutating func next(client: PlatformClient) async throws -> TimedRows? {
        while true {
            try await refill(client: client)
            if waiting.allSatisfy(\.isEmpty) && exhausted.allSatisfy({ $0 }) { return nil }
            let rows = merge()
            if !rows.isEmpty { return rows }
        }
    }

    /// Asks for a page for every resource that has none waiting and may have more.
    private mutating func refill(client: PlatformClient) async throws {
        let needy = resources.indices.filter { waiting[$0].isEmpty && !exhausted[$0] }
        var start = 0
        while start < needy.count {
            let part = Array(needy[start..<min(start + Self.callsPerRequest, needy.count)])
            let asked = part.map(pageSize)
            let results = try await client.batch(zip(part, asked).map { index, size in .read(resources[index], pageOptions(index, size: size)) })
            for (offset, result) in results.enumerated() {
                let index = part[offset]
                let points = (try result.get()?.arrayValue ?? []).compactMap { point in point[0]?.intValue.map { ($0, point[1] ?? .null) } }
                take(points, index: index, asked: asked[offset])
            }
            start += Self.callsPerRequest
        }
    }

    private func pageSize(_ index: Int) -> Int {
        guard let limit else { return chunk }
        return min(chunk, limit - taken[index])
    }

    private func pageOptions(_ index: Int, size: Int) -> ReadOptions {
        var page = options
        page.limit = size
        if let next = cursor[index] {
            if ascending { page.starttime = next } else { page.endtime = next }
        }
        return page
    }

    private mutating func take(_ points: [(Int, JSON)], index: Int, asked: Int) {
        waiting[index] = points[...]
        taken[index] += points.count
        let sampled = options.selection != nil && options.selection != .all
        if points.count < asked || sampled || taken[index] >= (limit ?? .max) {
            exhausted[index] = true
        }
        if let last = points.last?.0 {
            // The edges of the time line: nothing lies beyond them.
            if ascending ? last == .max : last == .min {
                exhausted[index] = true
            } else {
                cursor[index] = ascending ? last + 1 : last - 1
            }
        }
    }

    /// Rows while every resource still reading has a point waiting.
    private mutating func merge() -> TimedRows {
        let count = resources.count
        if count == 1 {
            // One series: every point waiting is a row.
            var rows = TimedRows(width: 1, capacity: waiting[0].count)
            for (time, value) in waiting[0] { rows.appendRow(time: time, value: value) }
            waiting[0] = []
            return rows
        }
        var rows = TimedRows(width: count)
        while true {
            var best: Int?
            for index in 0..<count {
                guard let head = waiting[index].first else {
                    if exhausted[index] { continue }
                    return rows
                }
                if let current = best {
                    if ascending ? head.0 < current : head.0 > current { best = head.0 }
                } else {
                    best = head.0
                }
            }
            guard let time = best else { return rows }
            rows.appendRow(time: time)
            for index in 0..<count {
                if let head = waiting[index].first, head.0 == time {
                    rows.setLast(head.1, column: index)
                    waiting[index].removeFirst()
                }
            }
        }
    }
}
