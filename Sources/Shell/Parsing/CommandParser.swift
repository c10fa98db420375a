/// Finds which command the first words of a command name, then walks the rest against its spec.
struct CommandParser: Sendable {
    let commands: [CommandSpec]
    /// Each command's names (its words and aliases) by their first word, longest first.
    private let names: [String: [(words: [String], spec: CommandSpec)]]
    /// The distinct words that follow each run of leading words of a name, in table order, by the
    /// run's words joined with spaces ("" for none).
    private let following: [String: [String]]

    init(commands: [CommandSpec]) {
        self.commands = commands
        var names: [String: [(words: [String], spec: CommandSpec)]] = [:]
        var following: [String: [String]] = [:]
        for spec in commands {
            for words in [spec.words] + spec.aliases {
                names[words[0], default: []].append((words, spec))
                for length in words.indices {
                    let key = words.prefix(length).joined(separator: " ")
                    if following[key]?.contains(words[length]) != true { following[key, default: []].append(words[length]) }
                }
            }
        }
        self.names = names.mapValues { entries in entries.sorted { $0.words.count > $1.words.count } }
        self.following = following
    }

    /// The command named by the longest run of leading words, and how many words it used.
    func match(_ words: [String]) -> (spec: CommandSpec, consumed: Int)? {
        guard let first = words.first, let candidates = names[first] else { return nil }
        for (name, spec) in candidates where name.count <= words.count && words.starts(with: name) {
            return (spec, name.count)
        }
        return nil
    }

    /// Reads one command's words: which command, each word's role and the checked values.
    func parse(_ words: [Word]) -> ParsedCommand {
        let texts = words.map(\.text)
        guard let first = texts.first else {
            return ParsedCommand(
                words: words, spec: nil, nameLength: 0, walk: ArgumentWalk(problem: ShellError(.unknownCommand("", suggestions: []))))
        }
        guard let (spec, consumed) = match(texts) else {
            let problem =
                incompleteGroup(texts) ?? ShellError(.unknownCommand(first, suggestions: Suggester.closest(to: first, among: topLevelWords)))
            return ParsedCommand(words: words, spec: nil, nameLength: 0, walk: ArgumentWalk(problem: problem))
        }
        var walk = ArgumentWalker.walk(Array(texts.dropFirst(consumed)), spec: spec)
        for (offset, role) in walk.roles.enumerated() {
            if case .positional(let name) = role, words[consumed + offset].wasQuoted { walk.arguments.markQuoted(positional: name) }
        }
        // `keys frob` must say the subcommand is unknown rather than passing `frob` to `keys`.
        if spec.positionals.isEmpty, texts.count > consumed, !texts[consumed].hasPrefix("-") {
            let choices = nextWords(after: spec.words)
            if !choices.isEmpty {
                walk.problem = ShellError(.unknownSubcommand(command: spec.name, word: texts[consumed], choices: choices))
            }
        }
        return ParsedCommand(words: words, spec: spec, nameLength: consumed, walk: walk)
    }

    /// Parses words given as plain text, for callers that have no line (tests, one-shot completion).
    func parse(_ texts: [String]) -> ParsedCommand {
        parse(texts.map { Word(text: $0, position: 0) })
    }

    /// `provision` or `provision sn frob`: words that start commands but name none of them.
    private func incompleteGroup(_ words: [String]) -> ShellError? {
        var length = 0
        while length < words.count, !nextWords(after: Array(words.prefix(length + 1))).isEmpty { length += 1 }
        guard length > 0 else { return nil }
        let group = Array(words.prefix(length))
        let choices = nextWords(after: group)
        if words.count > length, !words[length].hasPrefix("-") {
            return ShellError(.unknownSubcommand(command: group.joined(separator: " "), word: words[length], choices: choices))
        }
        return ShellError(.missingSubcommand(command: group.joined(separator: " "), choices: choices))
    }

    /// The distinct words that follow `prefix` in longer command names, in table order.
    func nextWords(after prefix: [String]) -> [String] {
        following[prefix.joined(separator: " ")] ?? []
    }

    /// The first words of every command name, in table order.
    var topLevelWords: [String] { nextWords(after: []) }
}
