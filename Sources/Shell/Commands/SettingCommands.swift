import OnePJSON

/// set, unset: output format, time format and zone, color, bail, echo, timing, pager, timeout.
enum SettingCommands {
    static let name = OptionalArgument<String>("NAME", "the setting", type: .choice(Settings.names))
    static let value = OptionalArgument<String>("VALUE", "its new value", completion: .setting)
    static let unsetName = Argument<String>("NAME", "the setting", type: .choice(Settings.names))
    static let save = Flag("save", "also keep it in the config file, for every later session")

    static let set = CommandSpec(
        words: ["set"],
        abstract: "Change a setting, or show them all",
        discussion: Settings.helpText,
        arguments: [name, value, save],
        examples: [
            "set format json", "set timeformat iso8601", "set tz America/Chicago", "set --save tz Europe/Paris", "set bail off", "set timeout 10",
        ],
        run: { context in
            let settings = context.session.settings
            guard let setting = context[name] else {
                if context[save] {
                    // Everything that differs from the defaults.
                    let changed = Settings.names.filter { settings.value(of: $0) != context.session.defaults.value(of: $0) }
                    for name in changed { try context.services.keyStore.save(setting: name, value: settings.value(of: name)) }
                    return .done(changed.isEmpty ? "nothing differs from the defaults; nothing saved" : "saved " + changed.joined(separator: ", "))
                }
                let rows: [[JSON]] = Settings.names.map { [.string($0), .string(settings.value(of: $0))] }
                return .table(Table(columns: ["setting", "value"], rows: rows))
            }
            if let new = context[value] {
                try context.session.settings.set(setting, to: new)
            } else if !context[save] {
                return .table(Table(columns: ["setting", "value"], rows: [[.string(setting), .string(settings.value(of: setting))]]))
            }
            guard context[save] else { return nil }
            let kept = context.session.settings.value(of: setting)
            try context.services.keyStore.save(setting: setting, value: kept)
            return .done("saved \(setting) \(kept)")
        }
    )

    static let unset = CommandSpec(
        words: ["unset"],
        abstract: "Put a setting back to its default",
        discussion: "The default is onep's own (for tz: $TZ, else the system's zone). --save also takes it out of the config file.",
        arguments: [unsetName, save],
        examples: ["unset timeformat", "unset --save tz"],
        run: { context in
            let setting = context[unsetName]
            try context.session.settings.set(setting, to: context.session.defaults.value(of: setting))
            guard context[save] else { return nil }
            try context.services.keyStore.save(setting: setting, value: nil)
            return .done("\(setting) is no longer saved")
        }
    )
}
