/// The type of an argument's value: the parser checks it before the command runs, so a bad
/// value is a usage error that names the argument.
struct ValueType: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case text
        case integer
        case time
        case json
        case path
        case choice([String])
        case list([String])
    }

    let kind: Kind

    static let text = ValueType(kind: .text)
    static let integer = ValueType(kind: .integer)
    static let time = ValueType(kind: .time)
    static let json = ValueType(kind: .json)
    static let path = ValueType(kind: .path)
    static func choice(_ values: [String]) -> ValueType { ValueType(kind: .choice(values)) }
    /// Comma-separated values, each one of `values` (or anything when empty).
    static func list(_ values: [String]) -> ValueType { ValueType(kind: .list(values)) }

    var name: String {
        switch kind {
        case .text: return "text"
        case .integer: return "integer"
        case .time: return "time"
        case .json: return "json"
        case .path: return "path"
        case .choice: return "choice"
        case .list: return "list"
        }
    }

    var choices: [String] {
        switch kind {
        case .choice(let values), .list(let values): return values
        default: return []
        }
    }

    /// `help` followed by the choices, as help and docs print an argument of this type.
    func annotating(_ help: String) -> String {
        choices.isEmpty ? help : help + " (" + choices.joined(separator: ", ") + ")"
    }

    /// The completion a value of this type gets when the spec names none.
    var defaultCompletion: CompletionSource {
        switch kind {
        case .path: return .resourcePath
        case .choice(let values), .list(let values): return .values(values)
        default: return .none
        }
    }
}
