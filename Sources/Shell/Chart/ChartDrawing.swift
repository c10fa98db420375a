import Foundation
import LineEditor

/// Draws a ``Chart`` as lines of text: a value axis labelled at its top, middle and bottom, the
/// plotting area in braille dots (2×4 a character) or ASCII marks, a time axis labelled in the
/// session's zone, and a legend. Every line fits in the style's width, measured in display columns.
struct ChartDrawing {
    let chart: Chart
    let style: ChartStyle
    let zone: SessionZone

    /// ASCII marks, one per series in turn.
    static let marks: [Character] = ["*", "+", "o", "x", "#", "@"]
    /// ANSI colors, one per series in turn.
    static let colors = ["\u{1B}[36m", "\u{1B}[33m", "\u{1B}[35m", "\u{1B}[32m", "\u{1B}[31m", "\u{1B}[34m"]
    static let reset = "\u{1B}[0m"

    func text() -> String {
        let values = chart.series.flatMap { $0.points.map(\.value) }
        let times = chart.series.flatMap { $0.points.map(\.time) }
        guard let low = values.min(), let high = values.max(), let first = times.min(), let last = times.max() else { return "" }
        let labels = [ChartDrawing.number(high), ChartDrawing.number((low + high) / 2), ChartDrawing.number(low)]
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 1
        // The label, a space and the axis line take the left; the rest is the plotting area.
        let columns = max(4, style.width - labelWidth - 2)
        let rows = max(2, chart.height)
        let grid = plot(columns: columns, rows: rows, low: low, high: high, first: first, last: last)

        var out = ""
        for row in 0..<rows {
            let label: String
            switch row {
            case 0: label = labels[0]
            case rows / 2: label = labels[1]
            case rows - 1: label = labels[2]
            default: label = ""
            }
            out += (DisplayWidth.padLeft(label, to: labelWidth) + " " + (style.unicode ? "┤" : "|") + grid[row]).trimmingTrailingSpaces() + "\n"
        }
        out +=
            String(repeating: " ", count: labelWidth + 1) + (style.unicode ? "└" : "+")
            + String(repeating: style.unicode ? "─" : "-", count: columns) + "\n"
        out += timeAxis(first: first, last: last, indent: labelWidth + 2, columns: columns) + "\n"
        out += legend() + "\n"
        return out
    }

    /// The plotting area's rows of glyphs, each `columns` wide.
    private func plot(columns: Int, rows: Int, low: Double, high: Double, first: Int, last: Int) -> [String] {
        // Dots per character: 2 across and 4 down in braille, 1 in ASCII.
        let across = style.unicode ? 2 : 1
        let down = style.unicode ? 4 : 1
        let width = columns * across
        let height = rows * down
        // For each cell, the dots set and the series that set most of them.
        var dots = [UInt8](repeating: 0, count: columns * rows)
        var owner = [Int](repeating: -1, count: columns * rows)
        func x(_ time: Int) -> Int {
            guard last > first else { return width / 2 }
            return Int((Double(time - first) / Double(last - first) * Double(width - 1)).rounded())
        }
        func y(_ value: Double) -> Int {
            guard high > low else { return height / 2 }
            return height - 1 - Int(((value - low) / (high - low) * Double(height - 1)).rounded())
        }
        func set(_ px: Int, _ py: Int, series: Int) {
            guard px >= 0, px < width, py >= 0, py < height else { return }
            let cell = (py / down) * columns + px / across
            dots[cell] |= style.unicode ? ChartDrawing.brailleBit(column: px % across, row: py % down) : 1
            if owner[cell] < 0 { owner[cell] = series }
        }
        for (index, series) in chart.series.enumerated() {
            var previous: (Int, Int)?
            for point in series.points {
                let here = (x(point.time), y(point.value))
                if let previous {
                    ChartDrawing.line(from: previous, to: here) { set($0, $1, series: index) }
                } else {
                    set(here.0, here.1, series: index)
                }
                previous = here
            }
        }
        var lines: [String] = []
        lines.reserveCapacity(rows)
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let cell = row * columns + column
                guard dots[cell] != 0 else {
                    line.append(" ")
                    continue
                }
                let glyph: Character =
                    style.unicode
                    ? Character(Unicode.Scalar(0x2800 + UInt32(dots[cell])) ?? " ")
                    : ChartDrawing.marks[owner[cell] % ChartDrawing.marks.count]
                if style.color {
                    line += ChartDrawing.colors[owner[cell] % ChartDrawing.colors.count] + String(glyph) + ChartDrawing.reset
                } else {
                    line.append(glyph)
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// The first and last times under the axis, and one between them when there is room.
    private func timeAxis(first: Int, last: Int, indent: Int, columns: Int) -> String {
        let start = label(first)
        let end = label(last)
        let room = columns - DisplayWidth.of(start) - DisplayWidth.of(end)
        guard first != last, room >= 1 else { return String(repeating: " ", count: indent) + start }
        var middle = ""
        let middleLabel = label(first + (last - first) / 2)
        let middleWidth = DisplayWidth.of(middleLabel)
        if room >= middleWidth + 4 {
            let left = (columns - middleWidth) / 2 - DisplayWidth.of(start)
            let right = room - middleWidth - left
            if left >= 2, right >= 2 { middle = String(repeating: " ", count: left) + middleLabel + String(repeating: " ", count: right) }
        }
        if middle.isEmpty { middle = String(repeating: " ", count: room) }
        return String(repeating: " ", count: indent) + start + middle + end
    }

    /// A time as the axis shows it: local date, hours and minutes.
    private func label(_ seconds: Int) -> String {
        var times = TimeText(format: .human, zone: zone)
        let text = times.text(seconds)
        return String(text.prefix(16))
    }

    /// Each series with its mark (and color) and unit, and the zone the times are in.
    private func legend() -> String {
        var parts: [String] = []
        for (index, series) in chart.series.enumerated() {
            var mark = style.unicode ? "⣿" : String(ChartDrawing.marks[index % ChartDrawing.marks.count])
            if style.color { mark = ChartDrawing.colors[index % ChartDrawing.colors.count] + mark + ChartDrawing.reset }
            parts.append(mark + " " + series.name + (series.unit.map { " (\($0))" } ?? ""))
        }
        let text = parts.joined(separator: "  ") + "  times in " + zone.name
        return TerminalFit.fitted(text, to: style.width)
    }

    /// A value as an axis label: at most four significant digits.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
        return String(format: "%.4g", value)
    }

    /// The bit of a braille cell's dot (Unicode's numbering: 1-3 and 7 down the left, 4-6 and 8 the right).
    static func brailleBit(column: Int, row: Int) -> UInt8 {
        let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
        let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
        return column == 0 ? left[row] : right[row]
    }

    /// The dots of a straight line between two dots (Bresenham's).
    static func line(from start: (Int, Int), to end: (Int, Int), _ visit: (Int, Int) -> Void) {
        var (x0, y0) = start
        let (x1, y1) = end
        let dx = abs(x1 - x0)
        let dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1
        let sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            visit(x0, y0)
            if x0 == x1 && y0 == y1 { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x0 += sx
            }
            if doubled <= dx {
                error += dx
                y0 += sy
            }
        }
    }
}
