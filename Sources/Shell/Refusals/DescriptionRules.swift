import OneP
import OnePJSON

/// The platform's rules for the description fields a `--json` carries (rpc.md `create`), so a bad
/// field is named before the platform refuses the whole description.
enum DescriptionRules {
    static let formats = CreateCommand.format.spec.type.choices
    static let methods = DispatchMethod.allCases.map(\.rawValue)

    /// The first field that breaks a rule: which, its value, why, and what to write instead.
    static func problem(in description: JSON) -> Refusal.Finding? {
        guard let object = description.objectValue else { return nil }
        for (key, value) in object {
            if let finding = problem(key, value) { return finding }
        }
        return nil
    }

    private static func problem(_ key: String, _ value: JSON) -> Refusal.Finding? {
        switch key {
        case "name", "meta":
            return value.stringValue == nil ? bad(key, value, "is not text", "quote it: {\"\(key)\": \"...\"}") : nil
        case "public":
            return value.boolValue == nil ? bad(key, value, "is not true or false", "write {\"public\": true}") : nil
        case "format":
            guard let text = value.stringValue, formats.contains(text) else {
                return bad(key, value, "is not a format", "use one of " + formats.joined(separator: ", "))
            }
            return nil
        case "method":
            guard let text = value.stringValue, methods.contains(text) else {
                return bad(key, value, "is not a dispatch method", "use one of " + methods.joined(separator: ", "))
            }
            return nil
        case "retention":
            return counts(key, value, fields: ["count", "duration"], special: "infinity")
        case "limits":
            return counts(key, value, fields: nil, special: "inherit")
        case "preprocess":
            guard let steps = value.arrayValue,
                steps.allSatisfy({ $0.arrayValue?.count == 2 && $0.arrayValue?.first?.stringValue != nil })
            else {
                return bad(key, value, "is not a list of [operation, operand] pairs", "write [[\"mul\", 2], [\"add\", 32]] or use --preprocess")
            }
            return nil
        default:
            return nil
        }
    }

    /// An object whose fields are counts of 0 or more, or one special word.
    private static func counts(_ key: String, _ value: JSON, fields: [String]?, special: String) -> Refusal.Finding? {
        guard let object = value.objectValue else {
            return bad(key, value, "is not an object", "write {\"\(key)\": {\"\(fields?.first ?? "dataport")\": 10}}")
        }
        for (field, item) in object where fields?.contains(field) ?? true {
            if item.stringValue == special { continue }
            guard let number = item.intValue, number >= 0 else {
                return bad("\(key).\(field)", item, "is not a count", "use a whole number 0 or more, or \"\(special)\"")
            }
        }
        return nil
    }

    private static func bad(_ field: String, _ value: JSON, _ reason: String, _ remedy: String) -> Refusal.Finding {
        Refusal.Finding(value: field, reason: "\(ShellMessage.shown(value.serialized())) \(reason)", remedy: remedy)
    }
}
