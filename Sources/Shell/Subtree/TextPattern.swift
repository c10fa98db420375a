/// A pattern `find` matches text against: a shell glob (`*`, `?`, `[a-z]`, `[!x]`, `\` to escape)
/// that must match the whole text, or with `--regex` a regular expression found anywhere in it.
struct TextPattern: @unchecked Sendable {
    // Regex is not Sendable in every toolchain; a pattern is built once per command and only read.
    private enum Kind {
        case glob([Character])
        case regex(Regex<AnyRegexOutput>)
    }

    let source: String
    private let kind: Kind
    private let ignoresCase: Bool

    /// - Throws: ``ShellError`` naming the option when a regular expression does not compile.
    init(_ source: String, regex: Bool, ignoresCase: Bool, option: String, command: String) throws(ShellError) {
        self.source = source
        self.ignoresCase = ignoresCase
        if regex {
            do {
                let compiled = try Regex(source)
                kind = .regex(ignoresCase ? compiled.ignoresCase() : compiled)
            } catch {
                throw ShellError(.invalidValue(command: command, argument: option, value: source, expected: "a regular expression (\(error))"))
            }
        } else {
            kind = .glob(Array(ignoresCase ? source.lowercased() : source))
        }
    }

    /// The one text the pattern matches, when it is a glob without wildcards that heeds case.
    var literal: String? {
        guard case .glob = kind, !ignoresCase, !source.isEmpty, !source.contains(where: { "*?[\\".contains($0) }) else { return nil }
        return source
    }

    /// Whether the pattern matches the whole text (glob) or is found in it (regular expression).
    func matches(_ text: String) -> Bool {
        switch kind {
        case .regex(let regex): return text.contains(regex)
        case .glob(let pattern): return Self.glob(pattern[...], Array(ignoresCase ? text.lowercased() : text)[...])
        }
    }

    /// Whether the pattern matches somewhere inside the text: a glob as if it began and ended
    /// with `*`, a regular expression as always.
    func isFound(in text: String) -> Bool {
        switch kind {
        case .regex: return matches(text)
        case .glob(let pattern):
            let text = Array(ignoresCase ? text.lowercased() : text)
            return Self.glob((["*"] + pattern + ["*"])[...], text[...])
        }
    }

    private static func glob(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var pattern = pattern
        var text = text
        // Where to resume after the last `*`: pattern just past it, and the text it has taken so far.
        var resume: (pattern: ArraySlice<Character>, text: ArraySlice<Character>)?
        while true {
            if let token = pattern.first {
                if token == "*" {
                    pattern = pattern.dropFirst()
                    resume = (pattern, text)
                    continue
                }
                if let character = text.first, let rest = matchOne(pattern, character) {
                    pattern = rest
                    text = text.dropFirst()
                    continue
                }
            } else if text.isEmpty {
                return true
            }
            guard let point = resume, !point.text.isEmpty else { return false }
            resume = (point.pattern, point.text.dropFirst())
            pattern = point.pattern
            text = point.text.dropFirst()
        }
    }

    /// Matches one character against the pattern's first token; answers the pattern after it.
    private static func matchOne(_ pattern: ArraySlice<Character>, _ character: Character) -> ArraySlice<Character>? {
        guard let token = pattern.first else { return nil }
        switch token {
        case "?":
            return pattern.dropFirst()
        case "\\":
            let escaped = pattern.dropFirst()
            guard let literal = escaped.first else { return character == "\\" ? escaped : nil }
            return literal == character ? escaped.dropFirst() : nil
        case "[":
            guard let (matched, rest) = bracket(pattern.dropFirst(), character) else { return token == character ? pattern.dropFirst() : nil }
            return matched ? rest : nil
        default:
            return token == character ? pattern.dropFirst() : nil
        }
    }

    /// A `[...]` set: whether it holds the character, and the pattern after `]`; nil when unclosed.
    private static func bracket(_ body: ArraySlice<Character>, _ character: Character) -> (Bool, ArraySlice<Character>)? {
        var rest = body
        var negated = false
        if let first = rest.first, first == "!" || first == "^" {
            negated = true
            rest = rest.dropFirst()
        }
        var found = false
        var isFirst = true
        while let current = rest.first {
            if current == "]" && !isFirst { return (found != negated, rest.dropFirst()) }
            isFirst = false
            rest = rest.dropFirst()
            if rest.count >= 2, rest.first == "-", let upper = rest.dropFirst().first, upper != "]" {
                if current <= character && character <= upper { found = true }
                rest = rest.dropFirst(2)
            } else if current == character {
                found = true
            }
        }
        return nil
    }
}
