import OneP
import OnePJSON

/// plot: a chart of one or more numeric series at the terminal.
enum PlotCommand {
    static let resources = RepeatingArgument<String>("RES", "numeric resources to plot", type: .path)
    static let height = Option<Int>("height", "ROWS", "rows of the chart (default 12)")
    static let follow = Flag("follow", short: "f", "redraw as new points arrive, until interrupted")

    static let spec = CommandSpec(
        words: ["plot"],
        abstract: "Draw a chart of one or more numeric series",
        discussion:
            "Braille dots on a Unicode terminal, ASCII marks otherwise (LANG without UTF-8); the chart fits the terminal's width "
            + "(80 columns when the output is not a terminal). The time axis is in the session's zone; a unit from the resource's "
            + "meta ({\"unit\": \"°C\"}) labels the legend. Without a window it draws the latest \(defaultLimit) points. "
            + "In json and csv formats the points are printed instead.",
        arguments: [resources, ReadCommand.start, ReadCommand.end, ReadCommand.limit, height, follow],
        examples: ["plot temperature", "plot temperature humidity --start -1d", "plot temperature --follow"],
        run: { context in try await run(&context) }
    )

    static let defaultLimit = 1000

    static func run(_ context: inout CommandContext) async throws -> CommandOutput? {
        let starttime = try context.time(ReadCommand.start)
        let endtime = try context.time(ReadCommand.end)
        let windowed = starttime != nil || endtime != nil
        let limit =
            context[ReadCommand.limit] == nil && !windowed ? defaultLimit : try ReadCommand.pointLimit(context[ReadCommand.limit], windowed: windowed)
        let rows = context[height] ?? 12
        guard (2...200).contains(rows) else {
            throw ShellError(.invalidValue(command: "plot", argument: "--height", value: String(rows), expected: "a number of rows from 2 to 200"))
        }
        let columns = try await ReadColumns.resolve(context[resources], context: &context)
        let client = try context.client()
        let units = try await self.units(columns.map(\.id), client: client)
        // The latest points, read newest first and drawn oldest first.
        var pager = ReadPager(
            resources: columns.map(\.id), options: ReadOptions(starttime: starttime, endtime: endtime, sort: .desc), limit: limit, chunk: 10_000)
        var merged: [(Int, [JSON])] = []
        while let batch = try await pager.next(client: client) { merged += batch.pairs }
        merged.reverse()
        let names = ReadColumns.headers(columns, kind: "name")
        var chart = try makeChart(merged, names: names, units: units)
        chart.height = rows
        guard context[follow] else { return .chart(chart) }
        context.emit(.chart(chart))
        var last = merged.last?.0 ?? context.now - 1
        while true {
            try Task.checkCancellation()
            let wake = try await ReadCommand.firstWake(columns.map(\.id), since: last, client: client)
            if wake == .unsupported { try await context.services.configuration.pause(.seconds(1)) }
            var newer = ReadPager(
                resources: columns.map(\.id), options: ReadOptions(starttime: last + 1, endtime: max(context.now, last + 1), sort: .asc), limit: nil,
                chunk: 10_000)
            var added: [(Int, [JSON])] = []
            while let batch = try await newer.next(client: client) { added += batch.pairs }
            guard !added.isEmpty else { continue }
            last = added.last?.0 ?? last
            merged += added
            if let limit, merged.count > limit { merged.removeFirst(merged.count - limit) }
            chart = try makeChart(merged, names: names, units: units)
            chart.height = rows
            // Redraw in place on a terminal: back to the top left and clear, then draw.
            if context.services.output.isTerminal { context.services.output.writeOut("\u{1B}[H\u{1B}[2J") }
            context.emit(.chart(chart))
        }
    }

    /// The chart of merged rows, refusing series that are not numbers.
    static func makeChart(_ merged: [(Int, [JSON])], names: [String], units: [String?]) throws(ShellError) -> Chart {
        var series = names.enumerated().map { Chart.Series(name: $1, unit: units[$0], points: []) }
        for (time, values) in merged {
            for (index, value) in values.enumerated() {
                switch value {
                case .null: continue
                case .int(let number): series[index].points.append(Chart.Point(time: time, value: Double(number)))
                case .double(let number): series[index].points.append(Chart.Point(time: time, value: number))
                case .string(let text):
                    guard let number = Double(text), number.isFinite else {
                        throw ShellError.failed(
                            "plot: \(names[index]) holds text ('\(text.prefix(20))'), not numbers: plot integer or float dataports")
                    }
                    series[index].points.append(Chart.Point(time: time, value: number))
                default:
                    throw ShellError.failed(
                        "plot: \(names[index]) holds \(value.serialized(pretty: false).prefix(20)), not numbers: plot integer or float dataports")
                }
            }
        }
        if let empty = series.first(where: { $0.points.isEmpty }) {
            throw ShellError.failed("plot: \(empty.name) has no points to draw; widen the window with --start")
        }
        let table = Table(columns: ["timestamp"] + names, rows: merged.map(ReadCommand.row), timeColumns: [0])
        return Chart(series: series, table: table)
    }

    /// Each resource's unit from its meta: a JSON object's `unit` (or exoline's `datasource.unit`).
    static func units(_ resources: [ResourceID], client: PlatformClient) async throws -> [String?] {
        let infos = try await client.batch(resources.map { .info($0, options: [.description]) })
        return infos.map { info in
            guard let meta = info.result?["description"]?["meta"]?.stringValue, let parsed = try? JSON(parsing: meta) else { return nil }
            return (parsed["unit"] ?? parsed["datasource"]?["unit"])?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}
