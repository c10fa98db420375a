/// Rewrites lines so no secret leaves the session in them: history keeps `<redacted>` in place of
/// a secret, recorded scripts keep a `${ONEP_CIK}`-style reference to an environment variable.
///
/// A secret is a value of an argument the spec marks secret (`auth CIK`, `keys add NAME CIK`,
/// `auth token TOKEN`, share codes), or any run of 40 or more hex digits outside a RID position
/// (a path argument or a `RID` option), since that has the shape of a CIK or token. An argument
/// that may also be a key name (`auth mykey`) keeps its readable name, with any 40-hex run in it
/// masked. A value written as `${NAME}` is already a reference and is kept.
///
/// Which word is which comes from the line's one parse (``ParsedLine``), so redaction reads the
/// words exactly as the command that runs them does.
struct HistoryRedactor {
    let parser: CommandParser
    let environment: [String: String]

    init(commands: [CommandSpec], environment: [String: String]) {
        self.init(parser: CommandParser(commands: commands), environment: environment)
    }

    init(parser: CommandParser, environment: [String: String]) {
        self.parser = parser
        self.environment = environment
    }

    /// The marker history stores in place of a secret.
    static let marker = "<redacted>"

    /// The line with each secret replaced by ``marker``.
    func redact(_ line: String) -> String {
        Self.redact(ParsedLine(line, parser: parser, environment: environment))
    }

    /// The line with each secret replaced by a reference to the environment variable that should hold it.
    func referencingVariables(_ line: String) -> String {
        let parsed = ParsedLine(line, parser: parser, environment: environment)
        guard parsed.problem == nil || !parsed.commands.isEmpty else { return HexMask.masking(line) { Self.reference("ONEP_CIK") } }
        return Self.apply(parsed.commands.flatMap { Self.edits(in: $0, replacement: Self.reference) }, to: Array(line), from: 0)
    }

    static func redact(_ line: ParsedLine) -> String {
        // A line whose words cannot be read at all keeps its text, with anything shaped like a key masked.
        guard line.problem == nil || !line.commands.isEmpty else { return HexMask.masking(line.text) { marker } }
        return apply(line.commands.flatMap { edits(in: $0) { _ in marker } }, to: Array(line.text), from: 0)
    }

    /// One command of a line as a recording keeps it: its own text, with secrets as references.
    static func referencingVariables(_ command: ParsedCommand, in line: ParsedLine) -> String {
        let characters = Array(line.text)
        let start = min(characters.count, command.words.first?.position ?? 0)
        let end = max(start, min(characters.count, command.words.last?.end ?? start))
        return apply(edits(in: command, replacement: reference), to: Array(characters[start..<end]), from: start)
    }

    private static func reference(_ variable: String) -> String { "${" + variable + "}" }

    /// The secret values one command holds, each with the variable its recording refers to, so a
    /// transcript writes the same value in output as the same reference.
    static func secrets(_ command: ParsedCommand, in line: ParsedLine) -> [(value: String, variable: String)] {
        var found: [(value: String, variable: String)] = []
        for edit in edits(in: command, replacement: reference) {
            guard let word = command.words.first(where: { $0.position == edit.range.lowerBound }) else { continue }
            let variables = edit.text.matches(of: /\$\{([A-Z0-9_]+)\}/).map { String($0.output.1) }
            guard let first = variables.first else { continue }
            let characters = Array(word.text)
            let runs = HexMask.runs(in: characters)
            if runs.isEmpty {
                let value = word.text.split(separator: "=", maxSplits: 1).last.map(String.init) ?? word.text
                found.append((value, first))
            } else {
                for (index, run) in runs.enumerated() {
                    found.append((String(characters[run]), index < variables.count ? variables[index] : first))
                }
            }
        }
        return found
    }

    /// `characters` (which start at offset `start` of the line) with the edits made, the last first
    /// so the offsets of earlier ones stay valid.
    private static func apply(_ edits: [(range: Range<Int>, text: String)], to characters: [Character], from start: Int) -> String {
        var characters = characters
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            characters.replaceSubrange((edit.range.lowerBound - start)..<(edit.range.upperBound - start), with: Array(edit.text))
        }
        return String(characters)
    }

    private static func edits(in command: ParsedCommand, replacement: (String) -> String) -> [(range: Range<Int>, text: String)] {
        guard let spec = command.spec else {
            return command.words.compactMap { maskedHex($0, replacement: replacement) }
        }
        var edits: [(range: Range<Int>, text: String)] = []
        for (index, word) in command.words.enumerated() where index >= command.nameLength {
            guard !word.hasVariable, !word.text.contains("${") else { continue }
            let range = word.position..<word.end
            switch command.role(ofWordAt: index) {
            case .positional(let name)?:
                guard let positional = spec.positional(named: name) else { continue }
                if positional.isSecret {
                    // A key name stays readable; anything shaped like a key inside it does not.
                    if positional.completionSource == .keyName, !ResourcePath.isRID(word.text) {
                        if let edit = maskedHex(word, replacement: replacement) { edits.append(edit) }
                        continue
                    }
                    edits.append((range, replacement(variable(for: positional.name))))
                } else if positional.type != .path, let edit = maskedHex(word, replacement: replacement) {
                    edits.append(edit)
                }
            case .optionValue(let name)?, .inlineOption(let name)?:
                guard let option = spec.option(named: name) else { continue }
                let inline = command.role(ofWordAt: index) == .inlineOption(name)
                let prefix = inline ? String(word.text.prefix { $0 != "=" }) + "=" : ""
                if option.isSecret {
                    edits.append((range, prefix + replacement(option.variable ?? variable(for: option.valueName ?? option.name))))
                } else if !(option.type == .path || option.valueName == "RID"), let edit = maskedHex(word, replacement: replacement) {
                    edits.append(edit)
                }
            default:
                if let edit = maskedHex(word, replacement: replacement) { edits.append(edit) }
            }
        }
        return edits
    }

    /// A word holding 40-hex runs, rewritten with each run replaced; nil when it holds none.
    private static func maskedHex(_ word: Word, replacement: (String) -> String) -> (range: Range<Int>, text: String)? {
        guard HexMask.containsKey(word.text) else { return nil }
        // Quoting is lost on purpose: the word's text is what the command saw.
        let masked = HexMask.masking(word.text) { replacement("ONEP_CIK") }
        return (word.position..<word.end, masked.contains(" ") ? "'" + masked + "'" : masked)
    }

    /// `CIK|KEYNAME` → `ONEP_CIK`, `TOKEN` → `ONEP_TOKEN`: the first name an argument goes by.
    static func variable(for argumentName: String) -> String {
        let first = argumentName.split(separator: "|").first.map(String.init) ?? argumentName
        let cleaned = first.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }
        return "ONEP_" + String(cleaned)
    }
}

/// Finds runs of 40 or more hex digits, which hold something of the shape of a CIK or token
/// whatever surrounds it (`0x` before it, `#c` or a no-break space after it).
enum HexMask {
    static func containsKey(_ text: String) -> Bool {
        !runs(in: Array(text)).isEmpty
    }

    /// `text` with each 40-hex run replaced by `replacement()`.
    static func masking(_ text: String, replacement: () -> String) -> String {
        var chars = Array(text)
        for run in runs(in: chars).reversed() {
            chars.replaceSubrange(run, with: Array(replacement()))
        }
        return String(chars)
    }

    /// Whether `text` is exactly one key: 40 hex digits.
    static func isKey(_ text: String) -> Bool {
        text.utf8.count == 40 && text.allSatisfy(\.isHexDigit)
    }

    static func runs(in chars: [Character]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var start: Int?
        for index in 0...chars.count {
            let isHex = index < chars.count && chars[index].isHexDigit
            if isHex, start == nil { start = index }
            if !isHex, let begin = start {
                if index - begin >= 40 { found.append(begin..<index) }
                start = nil
            }
        }
        return found
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
