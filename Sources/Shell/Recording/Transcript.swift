/// A transcript: `$ command` lines, each followed by the output it should print. An expected line
/// ending in ` (re)` is a regular expression the whole actual line must match. `${RID1}`,
/// `${CIK2}`, `${TIME3}` and the like stand for a value the recording named (``TranscriptNames``);
/// `${OTHER}` for an environment variable's value.
struct Transcript {
    /// A piece of an expected line that names values.
    enum Segment {
        case literal(String)
        case learned(String, NamedKind)
        case variable(String)
    }

    struct Step {
        var command: String
        /// Line number of the `$` line, from 1.
        var line: Int
        var expected: [ExpectedLine]
    }

    struct ExpectedLine {
        var text: String
        var line: Int
        /// Set for a ` (re)` line.
        var pattern: Regex<AnyRegexOutput>?
        /// Set for a line that names values.
        var segments: [Segment]?

        func matches(_ actual: String) -> Bool {
            guard let pattern else { return text == actual }
            return (try? pattern.wholeMatch(in: actual)) != nil
        }
    }

    /// Comment and blank lines before the first command, kept as they are by `--update`.
    var preamble: [String]
    var steps: [Step]

    static let commandPrefix = "$ "
    static let regexSuffix = " (re)"

    /// - Throws: ``ShellError`` naming the file and line of output before any command, an empty
    ///   command, or a regular expression that does not compile.
    init(parsing text: String, file: String) throws(ShellError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.last == "" { lines.removeLast() }
        preamble = []
        steps = []
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if line.hasPrefix(Transcript.commandPrefix) || line == "$" {
                let command = String(line.dropFirst(2))
                guard !command.trimmingCharacters(in: " \t").isEmpty else {
                    throw ShellError.file(file, "line \(number): '$' with no command")
                }
                steps.append(Step(command: command, line: number, expected: []))
                continue
            }
            guard !steps.isEmpty else {
                guard line.isEmpty || line.hasPrefix("#") else {
                    throw ShellError.file(file, "line \(number): output before the first '$ command' (is this a transcript?)")
                }
                preamble.append(line)
                continue
            }
            steps[steps.count - 1].expected.append(try Transcript.expected(line, number: number, file: file))
        }
        guard !steps.isEmpty else { throw ShellError.file(file, "has no '$ command' lines: there is nothing to check") }
    }

    private static func expected(_ line: String, number: Int, file: String) throws(ShellError) -> ExpectedLine {
        guard line.hasSuffix(regexSuffix) else { return ExpectedLine(text: line, line: number, segments: segments(of: line)) }
        let source = String(line.dropLast(regexSuffix.count))
        do {
            return ExpectedLine(text: line, line: number, pattern: try Regex(source))
        } catch {
            throw ShellError.file(file, "line \(number): bad regular expression '\(source)': \(firstLine(of: error))")
        }
    }

    /// The line cut into literal text and `${NAME}` references; nil when it has none.
    static func segments(of line: String) -> [Segment]? {
        let references = line.matches(of: /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/)
        guard !references.isEmpty else { return nil }
        var segments: [Segment] = []
        var rest = line.startIndex
        for reference in references {
            if rest < reference.range.lowerBound { segments.append(.literal(String(line[rest..<reference.range.lowerBound]))) }
            let name = String(reference.output.1)
            segments.append(NamedKind.parse(name).map { .learned(name, $0) } ?? .variable(name))
            rest = reference.range.upperBound
        }
        if rest < line.endIndex { segments.append(.literal(String(line[rest...]))) }
        return segments
    }

    private static func firstLine(of error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "invalid"
    }

    /// The transcript's own text lines.
    var lines: [String] {
        preamble + steps.flatMap { [Transcript.commandPrefix + $0.command] + $0.expected.map(\.text) }
    }

    /// Splits a command's printed output into lines; a final newline ends the last line.
    static func outputLines(_ output: String) -> [String] {
        guard !output.isEmpty else { return [] }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The expected lines rewritten to what actually printed, keeping each ` (re)` line that
    /// matched, so a diff shows only real differences and `--update` keeps the patterns.
    /// Names a line learns are bound in `bindings` as its lines match.
    static func reconcile(expected: [ExpectedLine], actual: [String], bindings: inout TranscriptBindings) -> [String] {
        let n = expected.count
        let m = actual.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = bindings.matches(expected[i], actual[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0
        var j = 0
        while j < m {
            if i < n, bindings.matches(expected[i], actual[j]) {
                bindings.bind(expected[i], actual[j])
                result.append(expected[i].text)
                i += 1
                j += 1
            } else if i < n, lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                result.append(actual[j])
                j += 1
            }
        }
        return result
    }
}
