import Foundation

/// Masks secret arguments (CIKs, tokens, share codes) in lines before they are kept in history.
///
/// A secret value is only masked when it has the shape of a key (40 hex digits), so `auth mykey`
/// keeps the readable key name while `auth 0123...` does not keep the CIK. A value that came from
/// `${NAME}` is not in the typed line at all, which is why scripts should use variables.
struct HistoryRedactor {
    let commands: [CommandSpec]
    let environment: [String: String]

    func redact(_ line: String) -> String {
        var redacted = line
        guard let parsed = try? Tokenizer(environment: [:]).commands(in: line) else { return maskAllKeys(line) }
        for command in parsed {
            for secret in secrets(in: command.texts) where ResourcePath.isRID(secret) {
                redacted = redacted.replacingAll(occurrencesOf: secret, with: "****")
            }
        }
        return redacted
    }

    private func secrets(in words: [String]) -> [String] {
        guard let (spec, arguments) = try? CommandParser(commands: commands).parse(words) else { return [] }
        var values: [String] = []
        for positional in spec.positionals where positional.isSecret { values += arguments.values(positional.name) }
        for option in spec.options where option.isSecret { values += arguments.option(option.name).map { [$0] } ?? [] }
        return values
    }

    /// A line that does not even tokenize keeps no 40-hex word.
    private func maskAllKeys(_ line: String) -> String {
        line.split(separator: " ", omittingEmptySubsequences: false).map { ResourcePath.isRID(String($0)) ? "****" : String($0) }.joined(
            separator: " ")
    }
}

extension String {
    func replacingAll(occurrencesOf target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
