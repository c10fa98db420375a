import OnePJSON

/// An argument's words after the parser checked them against the argument's ``ValueType``: the
/// value the command reads back through the key it declared.
enum ArgumentValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case time(TimeExpression)
    case json(JSON)
    case list([String])
}

/// A Swift type an argument's value can be read as, through a key declared with the spec.
protocol ArgumentValueType: Sendable {
    /// The value type an argument of this Swift type has unless its declaration says otherwise.
    static var defaultValueType: ValueType { get }
    /// Whether an argument declared with `type` can be read as this Swift type (checked in DEBUG).
    static func reads(_ type: ValueType) -> Bool
    init?(argument: ArgumentValue)
}

extension String: ArgumentValueType {
    static var defaultValueType: ValueType { .text }

    static func reads(_ type: ValueType) -> Bool {
        switch type.kind {
        case .text, .path, .choice: return true
        default: return false
        }
    }

    init?(argument: ArgumentValue) {
        guard case .text(let text) = argument else { return nil }
        self = text
    }
}

extension Int: ArgumentValueType {
    static var defaultValueType: ValueType { .integer }
    static func reads(_ type: ValueType) -> Bool { type == .integer }

    init?(argument: ArgumentValue) {
        guard case .integer(let value) = argument else { return nil }
        self = value
    }
}

extension TimeExpression: ArgumentValueType {
    static var defaultValueType: ValueType { .time }
    static func reads(_ type: ValueType) -> Bool { type == .time }

    init?(argument: ArgumentValue) {
        guard case .time(let time) = argument else { return nil }
        self = time
    }
}

extension JSON: ArgumentValueType {
    static var defaultValueType: ValueType { .json }
    static func reads(_ type: ValueType) -> Bool { type == .json }

    init?(argument: ArgumentValue) {
        guard case .json(let json) = argument else { return nil }
        self = json
    }
}

extension Array: ArgumentValueType where Element == String {
    static var defaultValueType: ValueType { .list([]) }

    static func reads(_ type: ValueType) -> Bool {
        if case .list = type.kind { return true }
        return false
    }

    init?(argument: ArgumentValue) {
        guard case .list(let items) = argument else { return nil }
        self = items
    }
}

extension ValueType {
    /// Checks `text` as a value of this type and converts it.
    /// - Parameters:
    ///   - argument: how usage errors name the argument (`--limit`, `RES`).
    ///   - command: the command's name, for usage errors.
    /// - Throws: ``ShellError`` naming the argument and what it expects.
    func value(of text: String, argument: String, command: String) throws(ShellError) -> ArgumentValue {
        switch kind {
        case .text, .path:
            return .text(text)
        case .integer:
            guard let value = Int(text) else {
                throw ShellError(.invalidValue(command: command, argument: argument, value: text, expected: "an integer"))
            }
            return .integer(value)
        case .time:
            guard let time = TimeExpression(parsing: text) else { throw ShellError.badTime(text) }
            return .time(time)
        case .json:
            do {
                return .json(try JSON(parsing: text))
            } catch {
                throw ShellError.badJSON(text, reason: error.description)
            }
        case .choice(let choices):
            guard choices.contains(text) else {
                throw ShellError(
                    .invalidValue(command: command, argument: argument, value: text, expected: "one of " + choices.joined(separator: ", ")))
            }
            return .text(text)
        case .list(let choices):
            let items = text.split(separator: ",").map(String.init)
            if items.isEmpty {
                throw ShellError(.invalidValue(command: command, argument: argument, value: text, expected: "a comma-separated list"))
            }
            if !choices.isEmpty, let bad = items.first(where: { !choices.contains($0) }) {
                throw ShellError(
                    .invalidValue(command: command, argument: argument, value: bad, expected: "one of " + choices.joined(separator: ", ")))
            }
            return .list(items)
        }
    }
}
