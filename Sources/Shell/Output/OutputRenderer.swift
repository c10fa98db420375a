/// Turns what a command produced into the text of one output format. Renderers are pure: the
/// same output and settings give the same text.
protocol OutputRenderer: Sendable {
    func render(_ output: CommandOutput) -> String
}

/// What rendering depends on besides the output itself.
struct RenderSettings: Sendable {
    var format: OutputFormat
    var timeFormat: TimeFormat
    /// The current unix time, for ages (`tree --values`).
    var now: Int
    var color: Bool

    /// The renderer of this format.
    var renderer: any OutputRenderer {
        switch format {
        case .json: return JSONRenderer(timeFormat: timeFormat)
        case .csv: return CSVRenderer(timeFormat: timeFormat)
        default: return TextRenderer(timeFormat: timeFormat, now: now, color: color)
        }
    }
}
