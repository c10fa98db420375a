/// A transcript: `$ command` lines, each followed by the output it should print. An expected line
/// ending in ` (re)` is a regular expression the whole actual line must match.
struct Transcript {
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
        guard line.hasSuffix(regexSuffix) else { return ExpectedLine(text: line, line: number) }
        let source = String(line.dropLast(regexSuffix.count))
        do {
            return ExpectedLine(text: line, line: number, pattern: try Regex(source))
        } catch {
            throw ShellError.file(file, "line \(number): bad regular expression '\(source)': \(firstLine(of: error))")
        }
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
    static func reconcile(expected: [ExpectedLine], actual: [String]) -> [String] {
        let n = expected.count
        let m = actual.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = expected[i].matches(actual[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var result: [String] = []
        var i = 0
        var j = 0
        while j < m {
            if i < n, expected[i].matches(actual[j]) {
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
