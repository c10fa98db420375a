/// The checked and converted values of one command's arguments, read back through the keys the
/// command declared with its spec.
struct ParsedArguments: Sendable, Equatable {
    /// Values by positional name or `--option` name; a repeating positional holds several.
    private var values: [String: [ArgumentValue]] = [:]
    private var flags: Set<String> = []
    /// Positionals whose word was quoted, in part or whole (`"12"`, `'007'`).
    private var quoted: Set<String> = []

    mutating func set(_ value: ArgumentValue, for declaration: ArgumentDeclaration) {
        values[declaration.name, default: []].append(value)
    }

    mutating func raise(_ flag: OptionSpec) {
        flags.insert(flag.name)
    }

    /// Notes that the word of the positional `name` was quoted.
    mutating func markQuoted(positional name: String) {
        quoted.insert(name)
    }

    /// Whether the positional's word was quoted, which says its value is text (`write s "12"`).
    func wasQuoted<Value>(_ key: Argument<Value>) -> Bool {
        quoted.contains(key.spec.name)
    }

    /// A required positional; the parser refuses a command without it, so it is always there.
    subscript<Value>(key: Argument<Value>) -> Value {
        guard let value = values[key.spec.name]?.first.flatMap(Value.init(argument:)) else {
            preconditionFailure("the parser let '\(key.spec.name)' through without its required value")
        }
        return value
    }

    subscript<Value>(key: OptionalArgument<Value>) -> Value? {
        values[key.spec.name]?.first.flatMap(Value.init(argument:))
    }

    subscript<Value>(key: RepeatingArgument<Value>) -> [Value] {
        (values[key.spec.name] ?? []).compactMap(Value.init(argument:))
    }

    subscript<Value>(key: Option<Value>) -> Value? {
        values["--" + key.spec.name]?.last.flatMap(Value.init(argument:))
    }

    subscript(key: Flag) -> Bool {
        flags.contains(key.spec.name)
    }

    /// Whether an option or flag with this long name was given, for checks across a group of
    /// options (which datarule options were given, say).
    func contains(option name: String) -> Bool {
        flags.contains(name) || values["--" + name] != nil
    }

    /// The values of a positional by name, as text, for completion, which works on partial lines.
    func texts(ofPositional name: String) -> [String] {
        (values[name] ?? []).compactMap { value in
            if case .text(let text) = value { return text }
            return nil
        }
    }
}
