/// Turns what a command produced into the text of one output format. Renderers are pure: the
/// same output and settings give the same text.
protocol OutputRenderer: Sendable {
    func render(_ output: CommandOutput) -> String
    /// A table rendered a batch of rows at a time, for a ``RowStream``.
    func stream(_ table: Table) -> any TableStreamRenderer
}

/// What rendering depends on besides the output itself.
struct RenderSettings: Sendable {
    var format: OutputFormat
    /// The time format asked for; `auto` is resolved for the output format by ``times``.
    var timeFormat: TimeFormat
    var zone: SessionZone = .utc
    /// The current unix time, for ages (`tree --values`).
    var now: Int
    var color: Bool
    /// The terminal's columns, which charts fit; 80 when output is not a terminal.
    var width = 80
    /// Whether the terminal shows Unicode (braille and block glyphs); plain ASCII otherwise.
    var unicode = true
    /// Whether output is a terminal, so lines that would wrap (`tree`) are cut to ``width``.
    var isTerminal = false

    /// A writer of times as this output wants them.
    var times: TimeText { TimeText(format: timeFormat.resolved(for: format), zone: zone) }

    /// The renderer of this format.
    var renderer: any OutputRenderer {
        switch format {
        case .json: return JSONRenderer(times: times)
        case .csv: return CSVRenderer(times: times)
        default:
            return TextRenderer(
                times: times, now: now, color: color, chart: ChartStyle(width: width, unicode: unicode, color: color), zone: zone,
                fitsWidth: isTerminal)
        }
    }
}
