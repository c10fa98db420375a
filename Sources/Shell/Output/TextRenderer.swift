import LineEditor
import OnePJSON

/// Output for people: aligned columns, plain values, the tree with box-drawing glyphs.
struct TextRenderer: OutputRenderer {
    var times = TimeText(format: .unix, zone: .utc)
    var now: Int = 0
    var color = false
    /// How charts are drawn: the terminal's width and glyphs.
    var chart = ChartStyle(width: 80)
    var zone: SessionZone = .utc
    /// Whether output is a terminal, where `tree` lines are cut to its width.
    var fitsWidth = false

    func render(_ output: CommandOutput) -> String {
        switch output {
        case .table(let table): return render(table)
        case .chart(let chart): return ChartDrawing(chart: chart, style: self.chart, zone: zone).text()
        case .value(let value): return TextRenderer.plain(value, pretty: true) + "\n"
        case .timed(let value, let paths):
            var copy = times
            return TextRenderer.plain(value.formattingTimes(at: paths, with: &copy), pretty: true) + "\n"
        case .message(let text), .done(let text): return text.isEmpty ? "" : text + "\n"
        case .made(let made): return made.text.isEmpty ? "" : made.text + "\n"
        case .tree(let root): return TreeRenderer(now: now, color: color, width: fitsWidth ? chart.width : nil, unicode: chart.unicode).render(root)
        case .verbatim(let text): return text
        }
    }

    func render(_ table: Table) -> String {
        switch table.text {
        case .instead(let other): return render(other)
        case .lines(let lines): return lines.map { $0 + "\n" }.joined()
        case .labelled(let labels):
            var copy = times
            let row = table.timesFormatted(&copy).rows.first ?? []
            return zip(labels, row).map { "\($0): \(TextRenderer.plain($1, pretty: false))\n" }.joined()
        case .grid:
            var stream = TextTableStream(table, times: times)
            return stream.rows(table.rows) + stream.end()
        }
    }

    func stream(_ table: Table) -> any TableStreamRenderer {
        if case .instead(let other) = table.text { return TextTableStream(other, times: times, streamed: true) }
        return TextTableStream(table, times: times, streamed: true)
    }

    /// A JSON value as a person reads it: strings without quotes, everything else as JSON.
    static func plain(_ value: JSON, pretty: Bool) -> String {
        switch value {
        case .string(let text): return text
        case .null: return ""
        case .int(let number): return String(number)
        default: return value.serialized(pretty: pretty)
        }
    }
}

/// Aligned columns a batch at a time. The header goes out with the first batch, its widths taken
/// from the header and that batch (or, when it is empty, the width of a time in this format), so
/// a table that starts empty still lines up; a later value wider than its column widens the column
/// from there on.
struct TextTableStream: TableStreamRenderer {
    private let table: Table
    private var times: TimeText
    private var widths: [Int]?
    /// Whether rows may follow the first batch (a stream), so an empty first batch sizes its time
    /// columns for the times to come.
    private let streamed: Bool

    init(_ table: Table, times: TimeText, streamed: Bool = false) {
        self.table = table
        self.times = times
        self.streamed = streamed
    }

    mutating func rows(_ rows: [[JSON]]) -> String {
        let lines: [[String]] = rows.map { row in
            row.enumerated().map { index, cell in
                if table.timeColumns.contains(index), let seconds = cell.intValue { return times.text(seconds) }
                return TextRenderer.plain(cell, pretty: false)
            }
        }
        var out = ""
        if widths == nil {
            var first = Array(repeating: 0, count: table.columns.count)
            if table.showsHeader {
                for (index, name) in table.columns.enumerated() { first[index] = DisplayWidth.of(name) }
                // A table that starts empty (`read --follow` before its first point): its time
                // columns are as wide as a time in this format, as the rows to come will be.
                if lines.isEmpty, streamed {
                    let sample = DisplayWidth.of(times.text(1_700_000_000))
                    for index in table.timeColumns where index < first.count { first[index] = max(first[index], sample) }
                }
            }
            widths = first
            grow(with: lines)
            if table.showsHeader { out += line(table.columns, isHeader: true) }
        } else {
            grow(with: lines)
        }
        for cells in lines { out += line(cells, isHeader: false) }
        return out
    }

    mutating func end() -> String {
        widths == nil ? rows([]) : ""
    }

    private mutating func grow(with lines: [[String]]) {
        guard var current = widths else { return }
        for cells in lines {
            if cells.count > current.count { current += Array(repeating: 0, count: cells.count - current.count) }
            for (index, cell) in cells.enumerated() { current[index] = max(current[index], DisplayWidth.of(cell)) }
        }
        widths = current
    }

    private func line(_ cells: [String], isHeader: Bool) -> String {
        let widths = widths ?? []
        var parts: [String] = []
        parts.reserveCapacity(cells.count)
        for (index, cell) in cells.enumerated() {
            let width = index < widths.count ? widths[index] : 0
            if table.rightAligned.contains(index), !isHeader {
                parts.append(DisplayWidth.padLeft(cell, to: width))
            } else {
                parts.append(index == cells.count - 1 ? cell : DisplayWidth.pad(cell, to: width))
            }
        }
        return parts.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
