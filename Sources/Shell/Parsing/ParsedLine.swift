/// One command of a line, read once: which command it is, what each word is, and its values.
struct ParsedCommand: Sendable {
    /// All the command's words, its name included, with where they stand in the line.
    let words: [Word]
    /// The command the words name; nil when they name none.
    let spec: CommandSpec?
    /// How many leading words name the command.
    let nameLength: Int
    /// The roles and values of the words after the name, and what is wrong with them.
    let walk: ArgumentWalk
    /// Where the command's output goes instead of the screen, when the line says.
    var redirection: Redirection?

    var arguments: ParsedArguments { walk.arguments }
    var problem: ShellError? { walk.problem }
    var texts: [String] { words.map(\.text) }

    /// The role of the word at `index` (counting the command's name); nil for the name's own words.
    func role(ofWordAt index: Int) -> WordRole? {
        let offset = index - nameLength
        return offset >= 0 && offset < walk.roles.count ? walk.roles[offset] : nil
    }

    /// Whether `--help` was given, which shows the command's help instead of running it.
    var asksForHelp: Bool { spec != nil && arguments[CommandSpec.help] }

    /// The spec and values of a command that parsed.
    /// - Throws: ``ShellError`` saying what is wrong with the words.
    func checked() throws(ShellError) -> (spec: CommandSpec, arguments: ParsedArguments) {
        if let problem { throw problem }
        guard let spec else { throw ShellError(.unknownCommand(texts.first ?? "", suggestions: [])) }
        return (spec, arguments)
    }
}

/// A line as the shell understands it, worked out once when it is entered: its commands, each
/// word's role and the typed values. Running, confirmation, history, recording and completion all
/// read this one result.
struct ParsedLine: Sendable {
    /// The line as typed.
    let text: String
    /// The commands of the line, in order. When ``problem`` is set they never run: they are the
    /// line read as far as it can be (empty for an unterminated quote), for history to redact.
    let commands: [ParsedCommand]
    /// Why the line could not be split into words (an unterminated quote, an unset `${NAME}`).
    let problem: ShellError?

    init(_ text: String, parser: CommandParser, environment: [String: String]) {
        self.text = text
        let tokenizer = Tokenizer(environment: environment)
        do {
            commands = try tokenizer.commands(in: text).map { list in
                var command = parser.parse(list.words)
                command.redirection = list.redirection
                return command
            }
            problem = nil
        } catch {
            problem = error
            if case .undefinedVariable = error.kind {
                commands = tokenizer.readableCommands(in: text).map { parser.parse($0.words) }
            } else {
                commands = []
            }
        }
    }

    /// The part of the line one command was written as, from its first word to its last.
    func text(of command: ParsedCommand) -> String {
        let characters = Array(text)
        let start = min(characters.count, command.words.first?.position ?? 0)
        let end = max(start, min(characters.count, command.words.last?.end ?? start))
        return String(characters[start..<end])
    }
}
