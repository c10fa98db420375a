import Foundation

/// The `settings:` block of onep's config file: what `set --save` keeps, read at start.
///
/// ```yaml
/// settings:
///   timeformat: iso8601
///   tz: America/Chicago
/// ```
extension KeyStore {
    /// The top-level keys the config file holds; anything else is reported, not silently ignored.
    static let sections = ["keys", "vendor", "settings"]

    /// Applies the saved settings to `settings`.
    /// - Returns: a warning for each thing in the file that could not be used (an unknown key or
    ///   setting, a value the setting does not take, a file that is not YAML).
    func applySavedSettings(to settings: inout Settings) -> [String] {
        let document: [String: Any]
        do {
            document = try self.document()
        } catch {
            return [ShellMessage(error: error).text]
        }
        let path = configPath ?? "config.yaml"
        var warnings: [String] = []
        for key in document.keys.sorted() where !KeyStore.sections.contains(key) {
            warnings.append("\(path): unknown key '\(key)' is ignored (known: \(KeyStore.sections.joined(separator: ", ")))")
        }
        guard let block = document["settings"] else { return warnings }
        guard let saved = block as? [String: Any] else {
            return warnings + ["\(path): 'settings' should map setting names to values, e.g. 'settings: {tz: UTC}'"]
        }
        for name in saved.keys.sorted() {
            guard let value = saved[name].flatMap(KeyStore.text) else {
                warnings.append("\(path): setting '\(name)' has no value")
                continue
            }
            guard Settings.setting(named: name) != nil else {
                let hint = Suggester.closest(to: name, among: Settings.names).first.map { " (did you mean '\($0)'?)" } ?? ""
                warnings.append("\(path): unknown setting '\(name)'\(hint) is ignored; the settings are \(Settings.names.joined(separator: ", "))")
                continue
            }
            do {
                try settings.set(name, to: value)
            } catch {
                warnings.append("\(path): setting \(name) is ignored: \(ShellMessage(error: error).text)")
            }
        }
        return warnings
    }

    /// Keeps `value` for the setting in the file, or takes the setting out when `value` is nil.
    func save(setting name: String, value: String?) throws(ShellError) {
        try update { document in
            var saved = document["settings"] as? [String: Any] ?? [:]
            saved[name] = value
            document["settings"] = saved.isEmpty ? nil : saved
        }
    }

    /// A YAML scalar as the text `set` takes: YAML's booleans are `on` and `off`.
    private static func text(_ value: Any) -> String? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag ? "on" : "off"
        case let number as Int: return String(number)
        case let number as Double: return String(number)
        default: return nil
        }
    }
}
