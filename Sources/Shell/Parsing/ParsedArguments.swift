import OnePJSON

/// The values of one command invocation, keyed by the names in its spec.
struct ParsedArguments: Sendable {
    var positionals: [String: [String]] = [:]
    var options: [String: String] = [:]
    var flags: Set<String> = []

    /// The single value of a positional, or nil when it was optional and left out.
    func value(_ name: String) -> String? { positionals[name]?.first }
    func values(_ name: String) -> [String] { positionals[name] ?? [] }
    func option(_ name: String) -> String? { options[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// A positional the spec marks as required; the parser already checked it is present.
    func required(_ name: String) -> String { positionals[name]?.first ?? "" }

    func integer(_ name: String) -> Int? { options[name].flatMap { Int($0) } }

    /// A JSON-typed option or positional, already validated by the parser.
    func json(_ name: String) -> JSON? {
        guard let text = options[name] ?? positionals[name]?.first else { return nil }
        return try? JSON(parsing: text)
    }
}
