import Foundation

/// Masks secret arguments (CIKs, tokens, share codes) in lines before they are kept in history.
///
/// An argument that may also be a key name (`auth mykey`) is masked only when it has the shape of
/// a key (40 hex digits), so the readable name stays; other secrets (tokens, codes) are masked
/// whatever they look like. A value that came from `${NAME}` is not in the typed line at all,
/// which is why scripts should use variables.
struct HistoryRedactor {
    let commands: [CommandSpec]
    let environment: [String: String]

    func redact(_ line: String) -> String {
        var redacted = line
        guard let parsed = try? Tokenizer(environment: [:]).commands(in: line) else { return maskAllKeys(line) }
        for command in parsed {
            for secret in secrets(in: command.texts) {
                redacted = redacted.replacingAll(occurrencesOf: secret, with: "****")
            }
        }
        return redacted
    }

    private func secrets(in words: [String]) -> [String] {
        guard let (spec, arguments) = try? CommandParser(commands: commands).parse(words) else { return [] }
        var values: [String] = []
        for positional in spec.positionals where positional.isSecret {
            let mayBeKeyName = positional.completionSource == .keyName
            values += arguments.values(positional.name).filter { ResourcePath.isRID($0) || (!mayBeKeyName && $0.count >= 8) }
        }
        for option in spec.options where option.isSecret {
            values += arguments.option(option.name).map { [$0] } ?? []
        }
        // Short values are left alone: replacing them could mangle other words of the line.
        return values.filter { $0.count >= 8 }
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
