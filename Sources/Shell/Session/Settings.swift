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
    /// Long output at a terminal goes through `$PAGER`.
    var pager = true

    /// Every setting: its name, values and help, and how to read and change it. `set`, `unset`,
    /// their help text and completion all read this one table.
    static let table: [Setting] = [
        Setting("format", OutputFormat.names, "how results print", read: \.format.name) { $0.format = OutputFormat(named: $1) ?? $0.format },
        Setting("timeformat", TimeFormat.names, "how timestamps show", read: \.timeFormat.name) {
            $0.timeFormat = TimeFormat(named: $1) ?? $0.timeFormat
        },
        Setting("color", ["auto", "on", "off"], "color in text output (auto: on a terminal without NO_COLOR)", read: \.color) { $0.color = $1 },
        Setting.onOff("bail", "stop a script at the first failing command", \.bail),
        Setting.onOff("echo", "print each command before it runs", \.echo),
        Setting.onOff("timing", "print the time and the requests each command took", \.timing),
        Setting.onOff("pager", "long output at a terminal goes through $PAGER (default less -FRX)", \.pager),
    ]

    static var names: [String] { table.map(\.name) }

    static func setting(named name: String) -> Setting? {
        table.first { $0.name == name }
    }

    /// The values a setting takes; empty for an unknown name.
    static func allowedValues(_ name: String) -> [String] {
        setting(named: name)?.values ?? []
    }

    func value(of name: String) -> String {
        Settings.setting(named: name)?.read(self) ?? ""
    }

    /// Applies a value the caller already checked against ``allowedValues(_:)``.
    mutating func set(_ name: String, to value: String) {
        Settings.setting(named: name)?.write(&self, value)
    }

    /// One line per setting for `set`'s help: `format (text|json|csv): how results print`.
    static var helpText: String {
        "Settings: " + table.map { "\($0.name) (\($0.values.joined(separator: "|"))): \($0.help)" }.joined(separator: "; ") + "."
    }
}

/// One setting of the table.
struct Setting: Sendable {
    let name: String
    let values: [String]
    let help: String
    let read: @Sendable (Settings) -> String
    let write: @Sendable (inout Settings, String) -> Void

    init(
        _ name: String, _ values: [String], _ help: String, read: @escaping @Sendable (Settings) -> String,
        write: @escaping @Sendable (inout Settings, String) -> Void
    ) {
        self.name = name
        self.values = values
        self.help = help
        self.read = read
        self.write = write
    }

    static func onOff(_ name: String, _ help: String, _ keyPath: WritableKeyPath<Settings, Bool> & Sendable) -> Setting {
        Setting(name, ["on", "off"], help, read: { $0[keyPath: keyPath] ? "on" : "off" }) { $0[keyPath: keyPath] = $1 == "on" }
    }
}
