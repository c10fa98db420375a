import OnePJSON

/// set, unset: output format, time format, color, bail, echo, timing.
enum SettingCommands {
    static let name = OptionalArgument<String>("NAME", "the setting", type: .choice(Settings.names))
    static let value = OptionalArgument<String>("VALUE", "its new value", completion: .setting)
    static let unsetName = Argument<String>("NAME", "the setting", type: .choice(Settings.names))

    static let set = CommandSpec(
        words: ["set"],
        abstract: "Change a setting, or show them all",
        discussion: Settings.helpText,
        arguments: [name, value],
        examples: ["set format json", "set timeformat iso8601", "set bail off", "set timing on"],
        run: { context in
            guard let setting = context[name] else {
                let rows: [[JSON]] = Settings.names.map { [.string($0), .string(context.session.settings.value(of: $0))] }
                return .table(Table(columns: ["setting", "value"], rows: rows))
            }
            guard let new = context[value] else {
                return .table(
                    Table(columns: ["setting", "value"], rows: [[.string(setting), .string(context.session.settings.value(of: setting))]]))
            }
            let allowed = Settings.allowedValues(setting)
            guard allowed.contains(new) else {
                throw ShellError(.invalidValue(command: "set", argument: setting, value: new, expected: "one of " + allowed.joined(separator: ", ")))
            }
            context.session.settings.set(setting, to: new)
            return nil
        }
    )

    static let unset = CommandSpec(
        words: ["unset"],
        abstract: "Put a setting back to its default",
        arguments: [unsetName],
        run: { context in
            let setting = context[unsetName]
            context.session.settings.set(setting, to: Settings().value(of: setting))
            return nil
        }
    )
}
