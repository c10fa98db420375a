/// While a transcript is checked: the value each learned name (`${RID1}`, `${TIME2}`) stood for
/// where it first matched. A name matches any value of its kind until it is bound, then only that
/// value, so a transcript recorded on one platform checks clean on another and still catches a
/// command that answers with the wrong resource.
struct TranscriptBindings {
    private(set) var values: [String: String] = [:]
    let environment: [String: String]

    init(environment: [String: String]) {
        self.environment = environment
    }

    /// The command with each bound name written as its value, so a later command can use what an
    /// earlier one printed (`lookup --owner ${RID1}`).
    func expand(_ command: String) -> String {
        guard command.contains("${") else { return command }
        var text = command
        for (name, value) in values { text = text.replacingAll(occurrencesOf: "${" + name + "}", with: value) }
        return text
    }

    func matches(_ line: Transcript.ExpectedLine, _ actual: String) -> Bool {
        guard let segments = line.segments else { return line.matches(actual) }
        return match(segments, actual) != nil
    }

    /// Binds the names `line` learns from `actual`, which it matches.
    mutating func bind(_ line: Transcript.ExpectedLine, _ actual: String) {
        guard let segments = line.segments, let found = match(segments, actual) else { return }
        for (name, value) in found where values[name] == nil { values[name] = value }
    }

    /// The values of the names still unbound when `actual` matches, or nil when it does not.
    private func match(_ segments: [Transcript.Segment], _ actual: String) -> [String: String]? {
        var source = ""
        var captured: [String] = []
        for segment in segments {
            switch segment {
            case .literal(let text):
                source += Self.escaped(text)
            case .variable(let name):
                source += Self.escaped(environment[name] ?? "${" + name + "}")
            case .learned(let name, let kind):
                if let value = values[name] {
                    source += Self.escaped(value)
                } else if captured.contains(name) {
                    source += "\\k<\(name)>"
                } else {
                    captured.append(name)
                    source += "(?<\(name)>\(kind.pattern))"
                }
            }
        }
        guard let regex = try? Regex(source), let match = try? regex.wholeMatch(in: actual) else { return nil }
        var found: [String: String] = [:]
        for name in captured {
            if let text = match.output[name]?.substring { found[name] = String(text) }
        }
        return found
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isASCII, character.isPunctuation || character.isSymbol { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
