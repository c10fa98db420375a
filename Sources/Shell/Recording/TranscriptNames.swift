import OnePJSON

/// The kinds of values a transcript writes as named patterns, because another platform (another
/// data directory, another clock) gives them other values: `${RID1}`, `${CIK2}`, `${TIME1}`.
enum NamedKind: String, CaseIterable, Sendable {
    case rid = "RID"
    case cik = "CIK"
    case code = "CODE"
    case token = "TOKEN"
    case time = "TIME"

    /// The kind of a value found under `key` in a command's output (`"key": CIK`, `"code": CODE`).
    init?(fieldKey key: String) {
        switch key.lowercased() {
        case "rid", "activator", "owner", "parent": self = .rid
        case "cik", "key": self = .cik
        case "code", "share": self = .code
        case "token": self = .token
        default: return nil
        }
    }

    /// The kind and number of a learned name (`RID3`), or nil for any other name.
    static func parse(_ name: String) -> NamedKind? {
        allCases.first { kind in
            name.hasPrefix(kind.rawValue) && name.count > kind.rawValue.count
                && name.dropFirst(kind.rawValue.count).allSatisfy { $0.isASCII && $0.isNumber } && !name.dropFirst(kind.rawValue.count).hasPrefix("0")
        }
    }

    /// What a value of this kind may look like, as a regular expression.
    var pattern: String {
        switch self {
        case .time:
            "-?[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(?:Z|[+-][0-9]{2}:[0-9]{2})?|[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}"
        default: "[0-9a-fA-F]{40}"
        }
    }
}

/// What a command's output says about the values in its text: which 40-hex values are keys,
/// codes or tokens rather than RIDs, and which texts are timestamps.
struct OutputHints {
    var kinds: [String: NamedKind] = [:]
    var times: Set<String> = []

    init() {}

    /// Only the times printed as `times` (rows a command streamed).
    init(times: Set<String>) { self.times = times }

    /// Reads the structure of `output`, whose time cells `times` writes.
    init(_ output: CommandOutput?, times: TimeText) {
        var times = times
        switch output {
        case .made(let made):
            collect(.object(made.fields), under: nil)
        case .value(let json):
            collect(json, under: nil)
        case .table(let table):
            for row in table.rows {
                for (column, cell) in row.enumerated() {
                    let name = column < table.columns.count ? table.columns[column] : nil
                    if table.timeColumns.contains(column), let seconds = cell.intValue, seconds >= Self.earliestTime {
                        self.times.insert(times.text(seconds))
                    } else {
                        collect(cell, under: name)
                    }
                }
            }
        default:
            break
        }
    }

    /// A smaller number in a time column is a test's `1,1` point more likely than a clock's time.
    static let earliestTime = 100_000_000

    private mutating func collect(_ json: JSON, under key: String?) {
        switch json {
        case .string(let text):
            if let key, let kind = NamedKind(fieldKey: key), HexMask.isKey(text) { kinds[text] = kinds[text] ?? kind }
        case .array(let items):
            for item in items { collect(item, under: key) }
        case .object(let object):
            for (name, value) in object { collect(value, under: name) }
        default:
            break
        }
    }
}

/// While a transcript is recorded: the name each RID, key, code and time got when first seen, so
/// the same value is the same name everywhere after, in commands and in output. A secret typed in
/// a command keeps the `${ONEP_...}` reference the command is recorded with.
final class TranscriptNames {
    private var names: [String: String] = [:]
    private var counts: [NamedKind: Int] = [:]

    /// A secret the command line holds, recorded as a reference to `variable`.
    /// - Returns: the name to write it as: the name it already has when output showed it before
    ///   (`auth ${CIK1}` after `info dev --include key`), else `variable`.
    func learn(secret value: String, variable: String) -> String {
        if let known = names[value] { return known }
        names[value] = variable
        return variable
    }

    /// The command text with every 40-hex value (outside `${...}`) written as its name.
    func rewrite(command: String) -> String {
        rewriteKeys(in: command, hints: OutputHints())
    }

    /// The output with every 40-hex value and every timestamp written as its name.
    func rewrite(output: String, hints: OutputHints) -> String {
        var text = rewriteKeys(in: output, hints: hints)
        for time in hints.times.sorted(by: { $0.count > $1.count }) {
            text = replacingWholeTokens(time, in: text) { name(for: time, kind: .time) }
        }
        return text
    }

    private func name(for value: String, kind: NamedKind) -> String {
        if let known = names[value] { return known }
        let number = (counts[kind] ?? 0) + 1
        counts[kind] = number
        let name = kind.rawValue + String(number)
        names[value] = name
        return name
    }

    private func rewriteKeys(in text: String, hints: OutputHints) -> String {
        var characters = Array(text)
        for run in HexMask.runs(in: characters).reversed() {
            let value = String(characters[run])
            let kind = hints.kinds[value] ?? Self.kindFromContext(characters, before: run.lowerBound)
            characters.replaceSubrange(run, with: Array("${" + name(for: value, kind: kind) + "}"))
        }
        return String(characters)
    }

    /// `"key": "…"` and `key: …` in text a renderer wrote name a key.
    private static func kindFromContext(_ characters: [Character], before index: Int) -> NamedKind {
        let start = max(0, index - 12)
        let before = String(characters[start..<index]).lowercased()
        for (field, kind) in [("key", NamedKind.cik), ("cik", .cik), ("code", .code), ("token", .token)] {
            if before.hasSuffix("\"\(field)\": \"") || before.hasSuffix("\(field): ") { return kind }
        }
        return .rid
    }

    private func replacingWholeTokens(_ token: String, in text: String, with replacement: () -> String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: token) {
            let before = range.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let bounded = !Self.isTokenCharacter(before) && !Self.isTokenCharacter(after)
            result += rest[..<range.lowerBound]
            result += bounded ? "${" + replacement() + "}" : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private static func isTokenCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "." || character == ":" || character == "-" || character == "{"
    }
}
