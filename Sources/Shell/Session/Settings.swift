import Foundation

/// The settings `set` and `unset` change, and the config file's `settings:` block keeps.
struct Settings: Sendable, Equatable {
    var format: OutputFormat = .text
    var timeFormat: TimeFormat = .auto
    /// The zone times are shown in and times without an offset are read in.
    var zone: SessionZone = .utc
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
    /// Seconds a request to a remote platform may take before it fails as timed out.
    var timeout = Settings.defaultTimeout

    static let defaultTimeout = 30.0
    /// The longest timeout accepted: a day.
    static let longestTimeout = 86_400.0

    /// Every setting: its name, values and help, and how to read and change it. `set`, `unset`,
    /// their help text, completion and the config file all read this one table.
    static let table: [Setting] = [
        Setting("format", OutputFormat.names, "how results print", read: \.format.name) { $0.format = OutputFormat(named: $1) ?? $0.format },
        Setting(
            "timeformat", TimeFormat.names, "how timestamps show (auto: local human time in text and csv, unix seconds in json)",
            read: \.timeFormat.name
        ) {
            $0.timeFormat = TimeFormat(named: $1) ?? $0.timeFormat
        },
        Setting(
            "tz", "ZONE", "the time zone times show in and are read in without an offset (an IANA name or UTC; default $TZ, else the system's)",
            read: \.zone.name, completions: { TimeZone.knownTimeZoneIdentifiers + ["UTC"] }
        ) { settings, name throws(ShellError) in
            settings.zone = try SessionZone(named: name)
        },
        Setting("color", ["auto", "on", "off"], "color in text output (auto: on a terminal without NO_COLOR)", read: \.color) { $0.color = $1 },
        Setting.onOff("bail", "stop a script at the first failing command", \.bail),
        Setting.onOff("echo", "print each command before it runs", \.echo),
        Setting.onOff("timing", "print the time and the requests each command took", \.timing),
        Setting.onOff("pager", "long output at a terminal goes through $PAGER (default less -FRX)", \.pager),
        Setting(
            "timeout", "SECONDS", "give up on a remote platform that has not answered after this many seconds (default 30, or --timeout)",
            read: { Settings.secondsText($0.timeout) }, completions: { ["10", "30", "60"] }
        ) { settings, text throws(ShellError) in
            settings.timeout = try Settings.timeoutSeconds(text)
        },
    ]

    /// A timeout as typed: seconds above 0, at most a day, fractions allowed.
    /// - Throws: ``ShellError`` naming the setting and what it takes.
    static func timeoutSeconds(_ text: String) throws(ShellError) -> Double {
        guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= longestTimeout,
            seconds * 1000 >= 1
        else {
            throw ShellError(
                .refused(
                    "set: timeout '\(ShellMessage.shown(text))' is not valid: give seconds above 0 and at most \(Int(longestTimeout)), e.g. 10 or 2.5",
                    beforeSending: true))
        }
        return seconds
    }

    /// Seconds as people write them: `30`, `2.5`.
    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// The timeout as a duration, to the millisecond.
    var timeoutDuration: Duration { .milliseconds(Int((timeout * 1000).rounded())) }

    static var names: [String] { table.map(\.name) }

    static func setting(named name: String) -> Setting? {
        table.first { $0.name == name }
    }

    /// The values completion offers for a setting; empty for an unknown name.
    static func allowedValues(_ name: String) -> [String] {
        setting(named: name)?.completions() ?? []
    }

    func value(of name: String) -> String {
        Settings.setting(named: name)?.read(self) ?? ""
    }

    /// Changes a setting.
    /// - Throws: ``ShellError`` naming the setting and what it takes, for a value it does not.
    mutating func set(_ name: String, to value: String) throws(ShellError) {
        guard let setting = Settings.setting(named: name) else {
            throw ShellError(
                .invalidValue(command: "set", argument: "NAME", value: name, expected: "one of " + Settings.names.joined(separator: ", ")))
        }
        try setting.apply(value, to: &self)
    }

    /// One line per setting for `set`'s help: `format (text|json|csv): how results print`.
    static var helpText: String {
        "Settings: " + table.map { "\($0.name) (\($0.valueText)): \($0.help)" }.joined(separator: "; ")
            + ". 'set --save NAME VALUE' also keeps the value in the config file's settings block, which is read at start."
    }
}

/// One setting of the table.
struct Setting: Sendable {
    let name: String
    /// The values it takes, when they are a fixed list; empty when a check decides (`tz`).
    let values: [String]
    /// How help names its value: the values joined by `|`, or a placeholder.
    let valueText: String
    let help: String
    let read: @Sendable (Settings) -> String
    let completions: @Sendable () -> [String]
    private let write: @Sendable (inout Settings, String) throws(ShellError) -> Void

    /// A setting that takes one of `values`.
    init(
        _ name: String, _ values: [String], _ help: String, read: @escaping @Sendable (Settings) -> String,
        write: @escaping @Sendable (inout Settings, String) -> Void
    ) {
        self.name = name
        self.values = values
        valueText = values.joined(separator: "|")
        self.help = help
        self.read = read
        completions = { values }
        self.write = { settings, value throws(ShellError) in
            guard values.contains(value) else {
                throw ShellError(.invalidValue(command: "set", argument: name, value: value, expected: "one of " + values.joined(separator: ", ")))
            }
            write(&settings, value)
        }
    }

    /// A setting whose value `write` checks itself.
    init(
        _ name: String, _ valueText: String, _ help: String, read: @escaping @Sendable (Settings) -> String,
        completions: @escaping @Sendable () -> [String], write: @escaping @Sendable (inout Settings, String) throws(ShellError) -> Void
    ) {
        self.name = name
        values = []
        self.valueText = valueText
        self.help = help
        self.read = read
        self.completions = completions
        self.write = write
    }

    func apply(_ value: String, to settings: inout Settings) throws(ShellError) {
        try write(&settings, value)
    }

    static func onOff(_ name: String, _ help: String, _ keyPath: WritableKeyPath<Settings, Bool> & Sendable) -> Setting {
        Setting(name, ["on", "off"], help, read: { $0[keyPath: keyPath] ? "on" : "off" }) { $0[keyPath: keyPath] = $1 == "on" }
    }
}
