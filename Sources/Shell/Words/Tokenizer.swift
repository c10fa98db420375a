import Foundation

/// Splits a line into commands and words the way a POSIX shell would, with two additions that
/// suit the platform: `${NAME}` expands from an injected environment so scripts carry no secrets,
/// and a word opening with `{` or `[` runs to its matching bracket so JSON needs no quoting.
struct Tokenizer {
    var environment: [String: String]

    /// The commands of `line`; empty commands (blank, comment only, `;;`) are dropped.
    func commands(in line: String) throws(ShellError) -> [WordList] {
        var scanner = Scanner(chars: Array(line), environment: environment, lenient: false)
        return try scanner.scanAll().filter { !$0.words.isEmpty }
    }

    /// The commands of `line` read as far as they can be: an unset `${NAME}` reads as nothing, an
    /// unterminated quote or bracket ends the last word. For redacting a line that cannot run.
    func readableCommands(in line: String) -> [WordList] {
        var scanner = Scanner(chars: Array(line), environment: environment, lenient: true)
        return ((try? scanner.scanAll()) ?? []).filter { !$0.words.isEmpty }
    }

    /// The words of the last command of a partial line, never failing: an unterminated quote or
    /// bracket simply ends the last word. Used by completion, which sees lines mid-typing.
    func partialWords(in line: String) -> (words: [Word], endsInsideWord: Bool) {
        var scanner = Scanner(chars: Array(line), environment: environment, lenient: true)
        let commands = (try? scanner.scanAll()) ?? []
        let last = commands.last?.words ?? []
        let endsInsideWord: Bool
        if let lastChar = line.last {
            endsInsideWord = !(lastChar == " " || lastChar == "\t" || lastChar == ";") || scanner.unterminated
        } else {
            endsInsideWord = false
        }
        return (last, endsInsideWord && !last.isEmpty)
    }

    /// True when the line ends with an unescaped backslash, meaning the command goes on in the next line.
    static func continues(_ line: String) -> Bool {
        var count = 0
        for char in line.reversed() {
            guard char == "\\" else { break }
            count += 1
        }
        return count % 2 == 1
    }
}

private struct Scanner {
    let chars: [Character]
    let environment: [String: String]
    let lenient: Bool
    var index = 0
    var unterminated = false
    /// Set when the word being scanned holds a `${NAME}` reference.
    var sawVariable = false

    init(chars: [Character], environment: [String: String], lenient: Bool) {
        self.chars = chars
        self.environment = environment
        self.lenient = lenient
    }

    mutating func scanAll() throws(ShellError) -> [WordList] {
        var commands: [WordList] = []
        var current: [Word] = []
        while true {
            skipBlanks()
            guard index < chars.count else { break }
            let char = chars[index]
            if char == ";" {
                index += 1
                commands.append(WordList(words: current))
                current = []
            } else if char == "#" {
                index = chars.count
            } else if char == ">" || char == "|" {
                commands.append(WordList(words: current, redirection: try scanRedirection()))
                current = []
            } else if char == "\n" {
                index += 1
            } else {
                current.append(try scanWord())
            }
        }
        commands.append(WordList(words: current))
        return commands
    }

    /// `> FILE`, `>> FILE` (the file is one word, quoted as any word) or `| COMMAND` (the rest of
    /// the line, as /bin/sh reads it), which end a command.
    private mutating func scanRedirection() throws(ShellError) -> Redirection {
        if chars[index] == "|" {
            let command = String(chars[(index + 1)...]).trimmingCharacters(in: .whitespaces)
            index = chars.count
            guard !command.isEmpty || lenient else { throw ShellError(.missingArgument(command: "|", argument: "a shell command after '|'")) }
            return .pipe(command)
        }
        let append = index + 1 < chars.count && chars[index + 1] == ">"
        index += append ? 2 : 1
        skipBlanks()
        guard index < chars.count, chars[index] != ";", chars[index] != ">", chars[index] != "|", chars[index] != "#" else {
            if lenient { return .file("", append: append) }
            throw ShellError(.missingArgument(command: append ? ">>" : ">", argument: "a FILE to write the output to"))
        }
        let file = try scanWord().text
        skipBlanks()
        if index < chars.count, chars[index] != ";", chars[index] != "#", chars[index] != "\n", !lenient {
            throw ShellError(.tooManyArguments(command: append ? ">>" : ">", extra: String(chars[index...]).trimmingCharacters(in: .whitespaces)))
        }
        return .file(file, append: append)
    }

    private mutating func skipBlanks() {
        while index < chars.count, chars[index] == " " || chars[index] == "\t" || chars[index] == "\r" {
            index += 1
        }
    }

    private mutating func scanWord() throws(ShellError) -> Word {
        var word = try scanWordText()
        word.hasVariable = sawVariable
        sawVariable = false
        return word
    }

    private mutating func scanWordText() throws(ShellError) -> Word {
        let start = index
        if chars[index] == "{" || chars[index] == "[" {
            let text = try scanJSONLiteral()
            return Word(text: text, position: start, wasQuoted: true, end: index)
        }
        var text = ""
        var quoted = false
        while index < chars.count {
            let char = chars[index]
            if char == " " || char == "\t" || char == ";" || char == "\n" || char == "\r" || char == ">" || char == "|" { break }
            switch char {
            case "'":
                quoted = true
                index += 1
                guard let close = chars[index...].firstIndex(of: "'") else {
                    if lenient {
                        text += String(chars[index...])
                        index = chars.count
                        unterminated = true
                        return Word(text: text, position: start, wasQuoted: true, end: index)
                    }
                    throw ShellError.unterminatedQuote("'", position: start)
                }
                text += String(chars[index..<close])
                index = close + 1
            case "\"":
                quoted = true
                try scanDoubleQuoted(into: &text, start: start)
            case "\\":
                index += 1
                if index < chars.count {
                    // A backslash before a newline joins lines; anywhere else it keeps the next character literally.
                    if chars[index] != "\n" { text.append(chars[index]) }
                    index += 1
                }
            case "$" where index + 1 < chars.count && chars[index + 1] == "{":
                text += try scanVariable()
            default:
                text.append(char)
                index += 1
            }
        }
        return Word(text: text, position: start, wasQuoted: quoted, end: index)
    }

    private mutating func scanDoubleQuoted(into text: inout String, start: Int) throws(ShellError) {
        index += 1
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "\"":
                index += 1
                return
            case "\\" where index + 1 < chars.count && "\"\\$".contains(chars[index + 1]):
                text.append(chars[index + 1])
                index += 2
            case "$" where index + 1 < chars.count && chars[index + 1] == "{":
                text += try scanVariable()
            default:
                text.append(char)
                index += 1
            }
        }
        if lenient {
            unterminated = true
            return
        }
        throw ShellError.unterminatedQuote("\"", position: start)
    }

    private mutating func scanVariable() throws(ShellError) -> String {
        let start = index
        guard let close = chars[index...].firstIndex(of: "}") else {
            if lenient {
                index = chars.count
                unterminated = true
                return ""
            }
            throw ShellError.unterminatedQuote("${", position: start)
        }
        let name = String(chars[(index + 2)..<close])
        index = close + 1
        sawVariable = true
        if let value = environment[name] { return value }
        if lenient { return "" }
        throw ShellError.undefinedVariable(name)
    }

    /// Reads a bracketed JSON literal, tracking nesting and JSON strings so brackets inside
    /// strings do not count. Variables expand inside it too.
    private mutating func scanJSONLiteral() throws(ShellError) -> String {
        let start = index
        var depth = 0
        var inString = false
        var text = ""
        while index < chars.count {
            let char = chars[index]
            if inString {
                if char == "\\", index + 1 < chars.count {
                    text.append(char)
                    text.append(chars[index + 1])
                    index += 2
                    continue
                }
                if char == "\"" { inString = false }
            } else {
                switch char {
                case "\"": inString = true
                case "{", "[": depth += 1
                case "}", "]": depth -= 1
                default: break
                }
            }
            if char == "$", index + 1 < chars.count, chars[index + 1] == "{" {
                text += try scanVariable()
                continue
            }
            text.append(char)
            index += 1
            if depth == 0 { return text }
        }
        if lenient {
            unterminated = true
            return text
        }
        throw ShellError.unterminatedJSON(position: start)
    }
}
