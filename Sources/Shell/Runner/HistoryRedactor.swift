/// Rewrites lines so no secret leaves the session in them: history keeps `<redacted>` in place of
/// a secret, recorded scripts keep a `${ONEP_CIK}`-style reference to an environment variable.
///
/// A secret is a value of an argument the spec marks secret (`auth CIK`, `keys add NAME CIK`,
/// `auth token TOKEN`, share codes), or any run of exactly 40 hex digits outside a RID position
/// (a path argument or a `RID` option), since that has the shape of a CIK or token. An argument
/// that may also be a key name (`auth mykey`) is kept when it is not 40 hex digits, so the
/// readable name stays. A value written as `${NAME}` is already a reference and is kept.
struct HistoryRedactor {
    let commands: [CommandSpec]
    let environment: [String: String]

    /// The marker history stores in place of a secret.
    static let marker = "<redacted>"

    /// The line with each secret replaced by ``marker``.
    func redact(_ line: String) -> String {
        rewrite(line) { _ in HistoryRedactor.marker }
    }

    /// The line with each secret replaced by a reference to the environment variable that should hold it.
    func referencingVariables(_ line: String) -> String {
        rewrite(line) { "${" + $0 + "}" }
    }

    /// - Parameter replacement: the text for a secret, given the name of the variable that would hold it.
    func rewrite(_ line: String, replacement: (String) -> String) -> String {
        let tokenizer = Tokenizer(environment: [:], keepsVariables: true)
        guard let parsed = try? tokenizer.commands(in: line) else {
            return HexMask.masking(line) { replacement("ONEP_CIK") }
        }
        var chars = Array(line)
        // From the end backwards, so earlier offsets stay valid.
        var edits: [(range: Range<Int>, text: String)] = []
        for command in parsed {
            edits += self.edits(in: command.words, replacement: replacement)
        }
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            chars.replaceSubrange(edit.range, with: Array(edit.text))
        }
        return String(chars)
    }

    private func edits(in words: [Word], replacement: (String) -> String) -> [(range: Range<Int>, text: String)] {
        let texts = words.map(\.text)
        guard let (spec, consumed) = CommandParser(commands: commands).match(texts) else {
            return words.compactMap { word in maskedHex(word, replacement: replacement) }
        }
        let roles = ArgumentRoles(spec: spec, words: Array(texts.dropFirst(consumed)))
        var edits: [(range: Range<Int>, text: String)] = []
        for (offset, word) in words.enumerated().dropFirst(consumed) where !word.text.contains("${") {
            switch roles.role(of: offset - consumed) {
            case .secret(let variable, let mayBeKeyName):
                if mayBeKeyName, !ResourcePath.isRID(word.text) { continue }
                edits.append((word.position..<word.end, replacement(variable)))
            case .secretInline(let prefix, let variable):
                edits.append((word.position..<word.end, prefix + replacement(variable)))
            case .rid:
                continue
            case .other:
                if let edit = maskedHex(word, replacement: replacement) { edits.append(edit) }
            }
        }
        return edits
    }

    /// A word holding 40-hex runs, rewritten with each run replaced; nil when it holds none.
    private func maskedHex(_ word: Word, replacement: (String) -> String) -> (range: Range<Int>, text: String)? {
        guard HexMask.containsKey(word.text) else { return nil }
        // Quoting is lost on purpose: the word's text is what the command saw.
        let masked = HexMask.masking(word.text) { replacement("ONEP_CIK") }
        return (word.position..<word.end, masked.contains(" ") ? "'" + masked + "'" : masked)
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
