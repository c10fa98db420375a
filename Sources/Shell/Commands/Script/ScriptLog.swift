import OneP
import OnePJSON

/// A script's log as the shell shows it: the script datarule's points, a line each row. The
/// platform keeps one point per second, so the lines a script writes within one second are one
/// point, a line each, and a point printed already may still grow until its second is over.
struct ScriptLogView: Sendable {
    /// The newest point shown, and how many of its lines.
    var newest: Int
    var linesShown: Int

    static let columns = ["timestamp", "log"]

    /// The rows of points given oldest first.
    static func rows(_ points: [[JSON]]) -> [[JSON]] {
        points.flatMap { point -> [[JSON]] in
            guard let timestamp = point.first?.intValue else { return [] }
            return lines(point).map { [.int(timestamp), .string($0)] }
        }
    }

    static func lines(_ point: [JSON]) -> [String] {
        let value = point.count > 1 ? point[1] : .null
        let text = value.stringValue ?? TextRenderer.plain(value, pretty: false)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func table(_ rows: [[JSON]]) -> Table {
        Table(columns: columns, rows: rows, timeColumns: [0])
    }

    /// Where the view stands after showing `points` (oldest first) in full; `since` when there were none.
    init(after points: [[JSON]], since: Int) {
        newest = points.last?.first?.intValue ?? since
        linesShown = points.last.map(Self.lines)?.count ?? 0
    }

    /// The rows of `points` (oldest first, from ``newest`` on) not shown yet, and the view after them.
    mutating func unseen(_ points: [[JSON]]) -> [[JSON]] {
        var rows: [[JSON]] = []
        for point in points {
            guard let timestamp = point.first?.intValue, timestamp >= newest else { continue }
            let lines = Self.lines(point)
            let skip = timestamp == newest ? linesShown : 0
            rows += lines.dropFirst(skip).map { [.int(timestamp), .string($0)] }
            newest = timestamp
            linesShown = lines.count
        }
        return rows
    }
}

extension ScriptLogView {
    /// How long the follow waits for a point after printing one before it reads that second's
    /// point again, for lines the script added to it in the same second.
    static let settleMilliseconds = 2_000

    /// Prints the script's new log lines as they come, until the command is cancelled. Like
    /// `read --follow` it holds a `wait` on the script (polling once a second on a platform
    /// without `wait`); after each print, a short wait lets lines added to the same second show.
    /// The rows go to `sink`, which printed the table's first rows, so the columns stay aligned.
    mutating func follow(_ script: ResolvedResource, sink: RowSink, context: CommandContext) async throws {
        var waits = true
        // The newest second shown may still be growing: read it again after a short wait.
        var recheck = linesShown > 0
        while true {
            try Task.checkCancellation()
            var until = context.now
            if waits {
                let timeout = recheck ? Self.settleMilliseconds : ReadCommand.followWaitMilliseconds
                let result = try await context.client().batch([.wait(script.id, timeoutMilliseconds: timeout, since: newest)])[0]
                if result.status == .failed("expire") {
                    guard recheck else { continue }
                } else if ReadCommand.isUnknownProcedure(result) {
                    waits = false
                    continue
                } else {
                    until = max(until, try result.get()?[0]?.intValue ?? until)
                }
            } else {
                try await context.services.configuration.pause(.seconds(1))
                until = context.now
            }
            var pager = ReadPager(
                resources: [script.id], options: ReadOptions(starttime: newest, endtime: max(until, newest), sort: .asc), limit: nil, chunk: 1000)
            var points: [[JSON]] = []
            while let batch = try await pager.next(client: context.client()) { points += batch.tableRows }
            let rows = unseen(points)
            recheck = !rows.isEmpty
            if !rows.isEmpty { sink.send(rows) }
        }
    }
}
