/// The settings `set` and `unset` change.
struct Settings: Sendable, Equatable {
    var format: OutputFormat = .text
    var timeFormat: TimeFormat = .unix
    /// `auto` colors only on a terminal without NO_COLOR; `on`/`off` force it.
    var color = "auto"
    /// Stop a script at the first failing command.
    var bail = true
    /// Print each command before running it.
    var echo = false
    /// Print wall time and request count after each command.
    var timing = false

    /// The settings, their allowed values and how each is shown, so `set` needs no switch per setting.
    static let names = ["format", "timeformat", "color", "bail", "echo", "timing"]

    static func allowedValues(_ name: String) -> [String] {
        switch name {
        case "format": return OutputFormat.names
        case "timeformat": return TimeFormat.names
        case "color": return ["auto", "on", "off"]
        default: return ["on", "off"]
        }
    }

    func value(of name: String) -> String {
        switch name {
        case "format": return format.name
        case "timeformat": return timeFormat.name
        case "color": return color
        case "bail": return bail ? "on" : "off"
        case "echo": return echo ? "on" : "off"
        default: return timing ? "on" : "off"
        }
    }

    /// Applies a value the caller already checked against ``allowedValues(_:)``.
    mutating func set(_ name: String, to value: String) {
        switch name {
        case "format": format = OutputFormat(named: value) ?? format
        case "timeformat": timeFormat = TimeFormat(named: value) ?? timeFormat
        case "color": color = value
        case "bail": bail = value == "on"
        case "echo": echo = value == "on"
        default: timing = value == "on"
        }
    }
}
