/// One declared argument of a command, as the parser, help, completion and redaction read it.
enum ArgumentDeclaration: Sendable {
    case positional(PositionalSpec)
    case option(OptionSpec)
}

/// A key a command declares with its spec and reads its argument back through, typed: the parser
/// has already checked and converted the words, so the body never parses text by name.
protocol ArgumentKey: Sendable {
    var declaration: ArgumentDeclaration { get }
}

/// A positional argument given exactly once: reads back as its value.
struct Argument<Value: ArgumentValueType>: ArgumentKey {
    let spec: PositionalSpec

    /// - Parameters:
    ///   - type: how the parser checks the word; the Swift type's own by default (`.path` and
    ///     `.choice` read as `String`).
    ///   - secret: kept out of history and recordings.
    init(
        _ name: String, _ help: String, type: ValueType = Value.defaultValueType, secret: Bool = false, completion: CompletionSource? = nil
    ) {
        assert(Value.reads(type), "\(name) is declared \(type.name) but read as \(Value.self)")
        spec = PositionalSpec(name: name, help: help, type: type, isSecret: secret, completion: completion)
    }

    var declaration: ArgumentDeclaration { .positional(spec) }
}

/// A positional argument that may be left out: reads back as an optional.
struct OptionalArgument<Value: ArgumentValueType>: ArgumentKey {
    let spec: PositionalSpec

    init(_ name: String, _ help: String, type: ValueType = Value.defaultValueType, completion: CompletionSource? = nil) {
        assert(Value.reads(type), "\(name) is declared \(type.name) but read as \(Value.self)")
        spec = PositionalSpec(name: name, help: help, type: type, isOptional: true, completion: completion)
    }

    var declaration: ArgumentDeclaration { .positional(spec) }
}

/// A positional argument that takes every remaining word: reads back as a list, empty when it is
/// optional and left out.
struct RepeatingArgument<Value: ArgumentValueType>: ArgumentKey {
    let spec: PositionalSpec

    init(
        _ name: String, _ help: String, type: ValueType = Value.defaultValueType, optional: Bool = false, completion: CompletionSource? = nil
    ) {
        assert(Value.reads(type), "\(name) is declared \(type.name) but read as \(Value.self)")
        spec = PositionalSpec(name: name, help: help, type: type, isOptional: optional, isRepeating: true, completion: completion)
    }

    var declaration: ArgumentDeclaration { .positional(spec) }
}

/// An option with a value (`--limit N`, `--limit=N`): reads back as an optional.
struct Option<Value: ArgumentValueType>: ArgumentKey {
    let spec: OptionSpec

    /// - Parameters:
    ///   - valueName: what the value is called in usage text, e.g. `N`.
    ///   - variable: the environment variable a recording names in place of a secret value.
    init(
        _ name: String, _ valueName: String, _ help: String, type: ValueType = Value.defaultValueType, short: Character? = nil,
        secret: Bool = false, variable: String? = nil, completion: CompletionSource? = nil
    ) {
        assert(Value.reads(type), "--\(name) is declared \(type.name) but read as \(Value.self)")
        spec = OptionSpec(
            name: name, short: short, valueName: valueName, help: help, type: type, isSecret: secret, variable: variable, completion: completion)
    }

    var declaration: ArgumentDeclaration { .option(spec) }
}

/// A flag (`--yes`, `-y`): reads back as whether it was given.
struct Flag: ArgumentKey {
    let spec: OptionSpec

    /// - Parameter synonyms: other long names it answers to, e.g. exoline's `noaliases`.
    init(_ name: String, short: Character? = nil, synonyms: [String] = [], _ help: String) {
        spec = OptionSpec(name: name, short: short, valueName: nil, help: help, synonyms: synonyms)
    }

    var declaration: ArgumentDeclaration { .option(spec) }
}

extension ArgumentDeclaration {
    /// How usage text and errors name the argument: `RES`, `--limit`.
    var name: String {
        switch self {
        case .positional(let spec): return spec.name
        case .option(let spec): return "--" + spec.name
        }
    }
}
