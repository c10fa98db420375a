import OneP
import OnePJSON

/// read: points of one or more resources, merged into one table by timestamp.
enum ReadCommand {
    static let resources = RepeatingArgument<String>("RES", "resources to read", type: .path)
    static let limit = Option<Int>("limit", "N", "at most N points per resource (default 1)")
    static let start = Option<TimeExpression>("start", "T", "from this time")
    static let end = Option<TimeExpression>("end", "T", "up to this time")
    static let sort = Option<String>("sort", "ORDER", "order by timestamp", type: .choice(["asc", "desc"]))
    static let selection = Option<String>("selection", "MODE", "downsampling", type: .choice(["all", "givenwindow", "autowindow"]))
    static let follow = Flag("follow", short: "f", "keep printing new points until interrupted")

    static let spec = CommandSpec(
        words: ["read"],
        abstract: "Read points from one or more resources",
        discussion:
            "Several resources merge into one table by timestamp; all reads go in one request per chunk. --follow prints new points as they arrive until Ctrl-C.",
        arguments: [resources, limit, start, end, sort, selection, CommonOptions.timeFormat, follow],
        examples: ["read temperature", "read temperature humidity --limit 10 --start -1h", "read temperature --follow"],
        run: { context in try await run(&context) }
    )

    /// Reads per request; the platform's calls array is the batching unit.
    static let chunkSize = 50

    static func run(_ context: inout CommandContext) async throws -> CommandOutput? {
        let most = context[limit] ?? 1
        guard most > 0 else {
            throw ShellError(.invalidValue(command: "read", argument: "--limit", value: String(most), expected: "a positive integer"))
        }
        let targets = try await context.resolveAll(context[resources])
        let order = context[sort].flatMap(ReadOptions.Sort.init(rawValue:)) ?? .desc
        let options = ReadOptions(
            starttime: context.time(start), endtime: context.time(end), sort: order, limit: most,
            selection: context[selection].flatMap(ReadOptions.Selection.init(rawValue:)))
        let series = try await read(targets, options: options, client: context.client())
        let columns = ["timestamp"] + uniqueNames(targets)
        let rows = merge(series, descending: order == .desc)
        let table = Table(columns: columns, rows: rows.map(row), timeColumns: [0])
        guard context[follow] else { return .table(table) }
        context.emit(.table(table))
        try await followed(targets, columns: columns, since: rows.map(\.0).max(), context: context)
        return nil
    }

    /// One series of points per resource, asking in chunks of ``chunkSize`` calls per request.
    static func read(_ resources: [ResolvedResource], options: ReadOptions, client: PlatformClient) async throws -> [[(Int, JSON)]] {
        var series: [[(Int, JSON)]] = []
        var start = 0
        while start < resources.count {
            let chunk = resources[start..<min(start + chunkSize, resources.count)]
            let results = try await client.batch(chunk.map { .read($0.id, options) })
            for result in results {
                let points = try result.get()?.arrayValue ?? []
                series.append(points.compactMap { point in point[0]?.intValue.map { ($0, point[1] ?? .null) } })
            }
            start += chunkSize
        }
        return series
    }

    /// Rows of (timestamp, one value per series or null), ordered by timestamp.
    static func merge(_ series: [[(Int, JSON)]], descending: Bool) -> [(Int, [JSON])] {
        var byTime: [Int: [JSON]] = [:]
        for (index, points) in series.enumerated() {
            for (timestamp, value) in points {
                var row = byTime[timestamp] ?? Array(repeating: .null, count: series.count)
                row[index] = value
                byTime[timestamp] = row
            }
        }
        let times = byTime.keys.sorted(by: descending ? (>) : (<))
        return times.map { ($0, byTime[$0] ?? []) }
    }

    /// A table row: the timestamp (which the renderer shows as the time format says), then the values.
    static func row(_ merged: (Int, [JSON])) -> [JSON] {
        [.int(merged.0)] + merged.1
    }

    /// Column names: the path as typed, made unique when two resources share a name.
    static func uniqueNames(_ resources: [ResolvedResource]) -> [String] {
        var names: [String] = []
        for resource in resources {
            var name = resource.segments.isEmpty ? "/" : resource.name
            if names.contains(name) { name = resource.text }
            if names.contains(name) { name = resource.rid }
            names.append(name)
        }
        return names
    }
}
