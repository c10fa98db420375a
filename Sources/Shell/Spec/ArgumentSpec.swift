/// A positional argument of a command.
struct PositionalSpec: Sendable {
    var name: String
    var help: String
    var type: ValueType = .text
    var isOptional = false
    /// Takes every remaining word (at least one unless optional).
    var isRepeating = false
    /// Kept out of history and debug output.
    var isSecret = false
    var completion: CompletionSource? = nil

    var completionSource: CompletionSource { completion ?? type.defaultCompletion }

    /// The help line as help and docs print it: the choices follow the text.
    var fullHelp: String { type.annotating(help) }
}

/// An option (`--limit N`) or a flag (`--yes`) of a command.
struct OptionSpec: Sendable {
    /// The long name without dashes.
    var name: String
    var short: Character? = nil
    /// What the value is called in usage text; nil makes the option a flag.
    var valueName: String?
    var help: String
    var type: ValueType = .text
    var isSecret = false
    /// The environment variable a recording refers to in place of a secret value; derived from
    /// the value's name when nil.
    var variable: String? = nil
    var completion: CompletionSource? = nil
    /// Other long names the option answers to (exoline's spellings), without dashes; help lists
    /// them, completion offers only the name.
    var synonyms: [String] = []

    var isFlag: Bool { valueName == nil }
    var completionSource: CompletionSource { completion ?? type.defaultCompletion }

    /// The help line as help and docs print it: the choices and the synonyms follow the text.
    var fullHelp: String {
        var text = type.annotating(help)
        if !synonyms.isEmpty { text += " (also " + synonyms.map { "--" + $0 }.joined(separator: ", ") + ")" }
        return text
    }

    /// Whether `--spelling` names this option, by its name or a synonym.
    func answers(to spelling: Substring) -> Bool {
        spelling == name || synonyms.contains { spelling == $0 }
    }
}
