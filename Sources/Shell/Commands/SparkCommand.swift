import OneP
import OnePJSON

/// spark: how evenly a resource's points arrive (exoline's `spark`): the distribution of the
/// intervals between consecutive points.
enum SparkCommand {
    static let resource = Argument<String>("RES", "the resource", type: .path)
    static let bins = Option<Int>("bins", "N", "bars in the distribution (default 12)")

    static let spec = CommandSpec(
        words: ["spark"],
        abstract: "Show the distribution of intervals between a resource's points",
        discussion:
            "One bar per range of intervals, from the shortest to the longest, then the shortest, median and longest interval. "
            + "A device that reports on time shows one tall bar. Without a window it looks at the latest \(PlotCommand.defaultLimit) points.",
        arguments: [resource, ReadCommand.start, ReadCommand.end, ReadCommand.limit, bins],
        examples: ["spark temperature", "spark temperature --start -7d"],
        run: { context in try await run(&context) }
    )

    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func run(_ context: inout CommandContext) async throws -> CommandOutput? {
        let starttime = try context.time(ReadCommand.start)
        let endtime = try context.time(ReadCommand.end)
        let windowed = starttime != nil || endtime != nil
        let limit =
            context[ReadCommand.limit] == nil && !windowed
            ? PlotCommand.defaultLimit : try ReadCommand.pointLimit(context[ReadCommand.limit], windowed: windowed)
        let count = context[bins] ?? 12
        guard (1...200).contains(count) else {
            throw ShellError(.invalidValue(command: "spark", argument: "--bins", value: String(count), expected: "a number from 1 to 200"))
        }
        let target = try await context.resolve(context[resource])
        var pager = ReadPager(
            resources: [target.id], options: ReadOptions(starttime: starttime, endtime: endtime, sort: .asc), limit: limit, chunk: 10_000)
        var times: [Int] = []
        while let batch = try await pager.next(client: context.client()) { times += batch.times }
        guard times.count >= 2 else {
            throw ShellError.failed(
                "spark: \(target.name) has \(times.count) point\(times.count == 1 ? "" : "s") here; intervals need two: widen the window with --start"
            )
        }
        let intervals = zip(times.dropFirst(), times).map { $0 - $1 }.sorted()
        return output(intervals, bins: count, unicode: context.renderSettings.unicode)
    }

    /// The histogram as rows for programs and a bar line with figures for people.
    static func output(_ intervals: [Int], bins count: Int, unicode: Bool) -> CommandOutput {
        let low = intervals.first ?? 0
        let high = intervals.last ?? 0
        let span = max(1, high - low)
        let binCount = high == low ? 1 : count
        var counts = Array(repeating: 0, count: binCount)
        for interval in intervals {
            let index = min(binCount - 1, (interval - low) * binCount / span)
            counts[index] += 1
        }
        let most = counts.max() ?? 1
        let line = String(
            counts.map { value -> Character in
                if value == 0 { return unicode ? " " : " " }
                let level = max(0, (value * bars.count - 1) / most)
                return unicode ? bars[min(level, bars.count - 1)] : Character(String(min(level + 1, 8)))
            })
        let median = intervals[intervals.count / 2]
        let figures = "\(duration(low)) shortest, \(duration(median)) median, \(duration(high)) longest, \(intervals.count) intervals"
        var rows: [[JSON]] = []
        for (index, value) in counts.enumerated() {
            let from = low + span * index / binCount
            let to = index == binCount - 1 ? high : low + span * (index + 1) / binCount
            rows.append([.int(from), .int(to), .int(value)])
        }
        let people = Table(columns: ["spark"], rows: [[.string(line)], [.string(figures)]], showsHeader: false)
        return .table(Table(columns: ["from", "to", "count"], rows: rows, rightAligned: [0, 1, 2], text: .instead(people)))
    }

    /// A length of time in its two largest units: `45s`, `10m 30s`, `2h 5m`, `3d 4h`.
    static func duration(_ seconds: Int) -> String {
        let units = [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")]
        guard seconds > 0 else { return "0s" }
        var parts: [String] = []
        var rest = seconds
        for (size, name) in units where rest >= size && parts.count < 2 {
            parts.append("\(rest / size)\(name)")
            rest %= size
        }
        return parts.joined(separator: " ")
    }
}
