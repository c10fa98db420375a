import OneP
import OnePJSON

/// read: points of one or more resources, merged into one table by timestamp.
enum ReadCommand {
    static let spec = CommandSpec(
        words: ["read"],
        abstract: "Read points from one or more resources",
        discussion:
            "Several resources merge into one table by timestamp; all reads go in one request per chunk. --follow prints new points as they arrive until Ctrl-C.",
        positionals: [PositionalSpec(name: "RES", help: "resources to read", type: .path, isRepeating: true)],
        options: [
            .value("limit", "N", "at most N points per resource (default 1)", type: .integer),
            .value("start", "T", "from this time", type: .time),
            .value("end", "T", "up to this time", type: .time),
            .value("sort", "ORDER", "order by timestamp", type: .choice(["asc", "desc"])),
            .value("selection", "MODE", "downsampling", type: .choice(["all", "givenwindow", "autowindow"])),
            .value("timeformat", "FORMAT", "how to show timestamps", type: .choice(TimeFormat.names)),
            .flag("follow", short: "f", "keep printing new points until interrupted"),
        ],
        examples: ["read temperature", "read temperature humidity --limit 10 --start -1h", "read temperature --follow"],
        body: { context in try await run(&context) }
    )

    /// Reads per request; the platform's calls array is the batching unit.
    static let chunkSize = 50

    static func run(_ context: inout CommandContext) async throws {
        let limit = context.arguments.integer("limit") ?? 1
        guard limit > 0 else {
            throw ShellError(.invalidValue(command: "read", argument: "--limit", value: String(limit), expected: "a positive integer"))
        }
        let resources = try await context.resolveAll(context.arguments.values("RES"))
        let sort = context.arguments.option("sort").flatMap(ReadOptions.Sort.init(rawValue:)) ?? .desc
        let options = ReadOptions(
            starttime: context.time("start"), endtime: context.time("end"), sort: sort, limit: limit,
            selection: context.arguments.option("selection").flatMap(ReadOptions.Selection.init(rawValue:)))
        let series = try await read(resources, options: options, context: context)
        let columns = ["timestamp"] + uniqueNames(resources)
        let rows = merge(series, descending: sort == .desc)
        context.emit(.table(Table(columns: columns, rows: rows.map { row(timestamp: $0.0, values: $0.1, context: context) })))
        if context.arguments.flag("follow") {
            try await follow(resources, columns: columns, since: rows.map(\.0).max(), context: context)
        }
    }

    /// One series of points per resource, asking in chunks of ``chunkSize`` calls per request.
    static func read(_ resources: [ResolvedResource], options: ReadOptions, context: CommandContext) async throws -> [[(Int, JSON)]] {
        var series: [[(Int, JSON)]] = []
        var start = 0
        while start < resources.count {
            let chunk = resources[start..<min(start + chunkSize, resources.count)]
            let results = try await context.client().batch(chunk.map { .read($0.id, options) })
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

    static func row(timestamp: Int, values: [JSON], context: CommandContext) -> [JSON] {
        let format = context.timeFormat
        let time: JSON = format == .unix ? .int(timestamp) : .string(format.format(timestamp))
        return [time] + values
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
