import OnePJSON

/// Finds which command a list of words names and binds the rest of the words to its arguments.
struct CommandParser {
    let commands: [CommandSpec]

    /// The command named by the longest run of leading words, and how many words it used.
    func match(_ words: [String]) -> (spec: CommandSpec, consumed: Int)? {
        var best: (spec: CommandSpec, consumed: Int)?
        for spec in commands {
            for names in [spec.words] + spec.aliases where names.count <= words.count {
                if Array(words.prefix(names.count)) == names, names.count > (best?.consumed ?? 0) {
                    best = (spec, names.count)
                }
            }
        }
        return best
    }

    /// Parses `words` into a command and its arguments.
    /// - Throws: ``ShellError`` for an unknown command, option or subcommand, a missing or extra argument, or a bad value.
    func parse(_ words: [String]) throws(ShellError) -> (spec: CommandSpec, arguments: ParsedArguments) {
        guard let first = words.first else { throw ShellError(.unknownCommand("", suggestions: [])) }
        guard let (spec, consumed) = match(words) else {
            try rejectIncompleteGroup(words)
            throw ShellError(.unknownCommand(first, suggestions: Suggester.closest(to: first, among: topLevelWords)))
        }
        // `keys frob` must say the subcommand is unknown rather than passing `frob` to `keys`.
        let subcommands = commands.filter { $0.words.count > consumed && Array($0.words.prefix(consumed)) == spec.words }
        if !subcommands.isEmpty, spec.positionals.isEmpty, words.count > consumed, !words[consumed].hasPrefix("-") {
            let choices = subcommands.map { $0.words[consumed] }
            throw ShellError(.unknownSubcommand(command: spec.name, word: words[consumed], choices: choices))
        }
        let arguments = try bind(Array(words.dropFirst(consumed)), to: spec)
        return (spec, arguments)
    }

    /// `provision` or `provision sn frob`: words that start commands but name none of them.
    private func rejectIncompleteGroup(_ words: [String]) throws(ShellError) {
        var length = 0
        while length < words.count, !nextWords(after: Array(words.prefix(length + 1))).isEmpty { length += 1 }
        guard length > 0 else { return }
        let group = Array(words.prefix(length))
        let choices = nextWords(after: group)
        if words.count > length, !words[length].hasPrefix("-") {
            throw ShellError(.unknownSubcommand(command: group.joined(separator: " "), word: words[length], choices: choices))
        }
        throw ShellError(.missingSubcommand(command: group.joined(separator: " "), choices: choices))
    }

    /// The distinct words that follow `prefix` in longer command names, in table order.
    private func nextWords(after prefix: [String]) -> [String] {
        var seen: [String] = []
        for spec in commands where spec.words.count > prefix.count && Array(spec.words.prefix(prefix.count)) == prefix {
            let word = spec.words[prefix.count]
            if !seen.contains(word) { seen.append(word) }
        }
        return seen
    }

    var topLevelWords: [String] {
        var seen: [String] = []
        for spec in commands {
            for name in [spec.words] + spec.aliases where !seen.contains(name[0]) {
                seen.append(name[0])
            }
        }
        return seen
    }

    private func bind(_ words: [String], to spec: CommandSpec) throws(ShellError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var loose: [String] = []
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !looksLikeOption(word) {
                loose.append(word)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            let (option, inlineValue) = try findOption(word, in: spec)
            if option.isFlag {
                if inlineValue != nil {
                    throw ShellError(.invalidValue(command: spec.name, argument: "--\(option.name)", value: inlineValue ?? "", expected: "no value"))
                }
                parsed.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < words.count {
                value = words[index]
                index += 1
            } else {
                throw ShellError(.missingOptionValue(command: spec.name, option: "--\(option.name)"))
            }
            try validate(value, as: option.type, argument: "--\(option.name)", command: spec.name)
            parsed.options[option.name] = value
        }
        if parsed.flag("help") { return parsed }
        try assignPositionals(loose, to: spec, into: &parsed)
        return parsed
    }

    /// `-` alone (stdin) and negative numbers or times (`-5`, `-2h`) are values, not options.
    private func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word.count > 1 else { return false }
        let second = word[word.index(after: word.startIndex)]
        return !(second.isNumber || second == ".")
    }

    private func findOption(_ word: String, in spec: CommandSpec) throws(ShellError) -> (OptionSpec, String?) {
        var name = word
        var inlineValue: String?
        if let equals = word.firstIndex(of: "=") {
            name = String(word[..<equals])
            inlineValue = String(word[word.index(after: equals)...])
        }
        let options = spec.allOptions
        if name.hasPrefix("--") {
            if let option = options.first(where: { "--\($0.name)" == name }) { return (option, inlineValue) }
        } else if name.count == 2, let short = name.last, let option = options.first(where: { $0.short == short }) {
            return (option, inlineValue)
        }
        let known = options.map { "--\($0.name)" }
        throw ShellError(.unknownOption(command: spec.name, option: name, suggestions: Suggester.closest(to: name, among: known)))
    }

    private func assignPositionals(_ loose: [String], to spec: CommandSpec, into parsed: inout ParsedArguments) throws(ShellError) {
        var remaining = loose[...]
        for (position, positional) in spec.positionals.enumerated() {
            let needLater = spec.positionals[(position + 1)...].filter { !$0.isOptional }.count
            if positional.isRepeating {
                let take = max(0, remaining.count - needLater)
                let values = Array(remaining.prefix(take))
                remaining = remaining.dropFirst(take)
                if values.isEmpty, !positional.isOptional {
                    throw ShellError(.missingArgument(command: spec.name, argument: positional.name))
                }
                for value in values { try validate(value, as: positional.type, argument: positional.name, command: spec.name) }
                if !values.isEmpty { parsed.positionals[positional.name] = values }
                continue
            }
            if positional.isOptional, remaining.count <= needLater { continue }
            guard let value = remaining.first else {
                throw ShellError(.missingArgument(command: spec.name, argument: positional.name))
            }
            remaining = remaining.dropFirst()
            try validate(value, as: positional.type, argument: positional.name, command: spec.name)
            parsed.positionals[positional.name] = [value]
        }
        if let extra = remaining.first {
            throw ShellError(.tooManyArguments(command: spec.name, extra: extra))
        }
    }

    private func validate(_ value: String, as type: ValueType, argument: String, command: String) throws(ShellError) {
        switch type.kind {
        case .text, .path:
            return
        case .integer:
            if Int(value) == nil {
                throw ShellError(.invalidValue(command: command, argument: argument, value: value, expected: "an integer"))
            }
        case .time:
            if TimeExpression(parsing: value) == nil { throw ShellError.badTime(value) }
        case .json:
            do {
                _ = try JSON(parsing: value)
            } catch {
                throw ShellError.badJSON(value, reason: error.description)
            }
        case .choice(let choices):
            if !choices.contains(value) {
                throw ShellError(
                    .invalidValue(command: command, argument: argument, value: value, expected: "one of " + choices.joined(separator: ", ")))
            }
        case .list(let choices):
            let items = value.split(separator: ",").map(String.init)
            if items.isEmpty {
                throw ShellError(.invalidValue(command: command, argument: argument, value: value, expected: "a comma-separated list"))
            }
            if !choices.isEmpty, let bad = items.first(where: { !choices.contains($0) }) {
                throw ShellError(
                    .invalidValue(command: command, argument: argument, value: bad, expected: "one of " + choices.joined(separator: ", ")))
            }
        }
    }
}
