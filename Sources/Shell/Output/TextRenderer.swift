import LineEditor
import OnePJSON

/// Output for people: aligned columns, plain values, the tree with box-drawing glyphs.
struct TextRenderer: OutputRenderer {
    var timeFormat: TimeFormat = .unix
    var now: Int = 0
    var color = false

    func render(_ output: CommandOutput) -> String {
        switch output {
        case .table(let table): return render(table)
        case .value(let value): return TextRenderer.plain(value, pretty: true) + "\n"
        case .message(let text), .done(let text): return text.isEmpty ? "" : text + "\n"
        case .made(let made): return made.text.isEmpty ? "" : made.text + "\n"
        case .tree(let root): return TreeRenderer(now: now, color: color).render(root)
        case .verbatim(let text): return text
        }
    }

    func render(_ table: Table) -> String {
        switch table.text {
        case .instead(let other): return render(other)
        case .lines(let lines): return lines.map { $0 + "\n" }.joined()
        case .labelled(let labels):
            let row = table.timesFormatted(timeFormat).rows.first ?? []
            return zip(labels, row).map { "\($0): \(TextRenderer.plain($1, pretty: false))\n" }.joined()
        case .grid: return grid(table.timesFormatted(timeFormat))
        }
    }

    private func grid(_ table: Table) -> String {
        var lines: [[String]] = table.rows.map { $0.map { TextRenderer.plain($0, pretty: false) } }
        if table.showsHeader, !table.continues { lines.insert(table.columns, at: 0) }
        guard !lines.isEmpty else { return "" }
        let columnCount = lines.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columnCount)
        for line in lines {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        let header = table.showsHeader && !table.continues
        var out = ""
        for (lineIndex, line) in lines.enumerated() {
            var cells: [String] = []
            for (index, cell) in line.enumerated() {
                let isLast = index == line.count - 1
                if table.rightAligned.contains(index), !(header && lineIndex == 0) {
                    cells.append(DisplayWidth.padLeft(cell, to: widths[index]))
                } else {
                    cells.append(isLast ? cell : DisplayWidth.pad(cell, to: widths[index]))
                }
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return out
    }

    /// A JSON value as a person reads it: strings without quotes, everything else as JSON.
    static func plain(_ value: JSON, pretty: Bool) -> String {
        switch value {
        case .string(let text): return text
        case .null: return ""
        default: return value.serialized(pretty: pretty)
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
