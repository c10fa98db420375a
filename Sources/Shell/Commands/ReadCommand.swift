import OneP
import OnePJSON

/// read: points of one or more resources, or of every dataport and datarule of a client, merged
/// into one table by timestamp and printed as they are read.
enum ReadCommand {
    static let resources = RepeatingArgument<String>("RES", "resources to read; a client reads all its dataports and datarules", type: .path)
    static let limit = Option<String>("limit", "N|all", "at most N points per resource (default: the whole window when one is given, else 1)")
    static let start = Option<TimeExpression>("start", "T", "from this time")
    static let end = Option<TimeExpression>("end", "T", "up to this time")
    static let sort = Option<String>("sort", "ORDER", "order by timestamp", type: .choice(["asc", "desc"]))
    static let selection = Option<String>("selection", "MODE", "downsampling", type: .choice(["all", "givenwindow", "autowindow"]))
    static let header = Option<String>("header", "KIND", "what names each column (default name)", type: .choice(["name", "alias", "rid", "path"]))
    static let chunk = Option<Int>("chunk", "N", "points asked of the platform per resource per request (default \(defaultChunk))")
    static let follow = Flag("follow", short: "f", "keep printing new points until interrupted")

    static let spec = CommandSpec(
        words: ["read"],
        abstract: "Read points from one or more resources",
        discussion:
            "Several resources merge into one table by timestamp. A window (--start, --end) without --limit reads every point in it; "
            + "large reads page through the platform --chunk points at a time and print as they go. "
            + "--format csv output can be fed back to 'record CLIENT --file'. --follow prints new points as they arrive until Ctrl-C.",
        arguments: [resources, limit, start, end, sort, selection, header, chunk, CommonOptions.timeFormat, follow],
        examples: [
            "read temperature", "read temperature humidity --limit 10 --start -1h", "read device1 --start -1d --format csv",
            "read temperature --limit all --header alias", "read temperature --follow",
        ],
        run: { context in try await run(&context) }
    )

    static let defaultChunk = 10_000
    /// The most points a page may ask for.
    static let largestChunk = 100_000

    static func run(_ context: inout CommandContext) async throws -> CommandOutput? {
        let starttime = try context.time(start)
        let endtime = try context.time(end)
        let most = try pointLimit(context[limit], windowed: starttime != nil || endtime != nil)
        let pageSize = context[chunk] ?? defaultChunk
        guard (1...largestChunk).contains(pageSize) else {
            throw ShellError(
                .invalidValue(command: "read", argument: "--chunk", value: String(pageSize), expected: "a number from 1 to \(largestChunk)"))
        }
        let order = context[sort].flatMap(ReadOptions.Sort.init(rawValue:)) ?? .desc
        let options = ReadOptions(
            starttime: starttime, endtime: endtime, sort: order, selection: context[selection].flatMap(ReadOptions.Selection.init(rawValue:)))
        var columns = try await ReadColumns.resolve(context[resources], context: &context)
        var pager = ReadPager(resources: columns.map(\.id), options: options, limit: most, chunk: pageSize)
        let client = try context.client()
        var first: TimedRows?
        do {
            first = try await pager.next(client: client)
        } catch let error as OnePError where error.callStatus == .failed("invalid") {
            // A client among the resources: read what it holds instead.
            guard let expanded = try await ReadColumns.expandingClients(columns, context: &context) else { throw error }
            columns = expanded
            pager = ReadPager(resources: columns.map(\.id), options: options, limit: most, chunk: pageSize)
            first = try await pager.next(client: client)
        }
        let names = ReadColumns.headers(columns, kind: context[header] ?? "name")
        let table = Table(columns: ["timestamp"] + names, rows: [], timeColumns: [0])
        guard let first else {
            guard context[follow] else { return .table(table) }
            let sink = context.rowSink(for: table)
            sink.send([])
            try await followed(columns.map(\.id), since: nil, sink: sink, context: context)
            return nil
        }
        let sink = context.rowSink(for: table)
        var latest = first.times.max()
        sink.send(first)
        while let rows = try await pager.next(client: client) {
            try Task.checkCancellation()
            latest = max(latest ?? .min, rows.times.max() ?? .min)
            sink.send(rows)
        }
        guard context[follow] else {
            sink.finish()
            return nil
        }
        try await followed(columns.map(\.id), since: latest, sink: sink, context: context)
        return nil
    }

    /// `--limit`: a positive number or `all` (nil); without it, the whole window when one is
    /// given, else the latest point.
    static func pointLimit(_ text: String?, windowed: Bool) throws(ShellError) -> Int? {
        guard let text else { return windowed ? nil : 1 }
        if text == "all" { return nil }
        guard let number = Int(text), number > 0 else {
            throw ShellError(.invalidValue(command: "read", argument: "--limit", value: text, expected: "a positive number or 'all'"))
        }
        return number
    }

    /// A table row: the timestamp (which the renderer shows as the time format says), then the values.
    static func row(_ merged: (Int, [JSON])) -> [JSON] {
        [.int(merged.0)] + merged.1
    }
}
