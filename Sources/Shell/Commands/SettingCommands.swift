import OnePJSON

/// set, unset: output format, time format, color, bail, echo, timing.
enum SettingCommands {
    static let set = CommandSpec(
        words: ["set"],
        abstract: "Change a setting, or show them all",
        discussion: "Settings: format (text|json|csv), timeformat (unix|iso8601|human|excel), color (auto|on|off), bail, echo, timing (on|off).",
        positionals: [
            PositionalSpec(name: "NAME", help: "the setting", type: .choice(Settings.names), isOptional: true),
            PositionalSpec(name: "VALUE", help: "its new value", isOptional: true, completion: .setting),
        ],
        examples: ["set format json", "set timeformat iso8601", "set bail off", "set timing on"],
        body: { context in
            guard let name = context.arguments.value("NAME") else {
                let rows: [[JSON]] = Settings.names.map { [.string($0), .string(context.session.settings.value(of: $0))] }
                context.emit(.table(Table(columns: ["setting", "value"], rows: rows)))
                return
            }
            guard let value = context.arguments.value("VALUE") else {
                context.emit(
                    .table(Table(columns: ["setting", "value"], rows: [[.string(name), .string(context.session.settings.value(of: name))]])))
                return
            }
            let allowed = Settings.allowedValues(name)
            guard allowed.contains(value) else {
                throw ShellError(.invalidValue(command: "set", argument: name, value: value, expected: "one of " + allowed.joined(separator: ", ")))
            }
            context.session.settings.set(name, to: value)
        }
    )

    static let unset = CommandSpec(
        words: ["unset"],
        abstract: "Put a setting back to its default",
        positionals: [PositionalSpec(name: "NAME", help: "the setting", type: .choice(Settings.names))],
        body: { context in
            let name = context.arguments.required("NAME")
            context.session.settings.set(name, to: Settings().value(of: name))
        }
    )
}
