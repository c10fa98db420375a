/// What one word after a command's name is, as the spec reads it.
enum WordRole: Sendable, Equatable {
    /// An option's or flag's name (`--limit`, `-f`); the long name without dashes.
    case option(String)
    /// The value of the option named by the word before it.
    case optionValue(String)
    /// An option and its value in one word (`--limit=5`, `-n=5`).
    case inlineOption(String)
    /// The value of a positional argument, by the argument's name.
    case positional(String)
    /// `--`: every word after it is a positional.
    case endOfOptions
    /// An option the spec does not declare.
    case unknownOption
    /// A word beyond the last positional.
    case extra
}

/// The one reading of a command's words against its spec. Parsing, history redaction, recording,
/// confirmation and completion all take their answers from it.
struct ArgumentWalk: Sendable {
    /// One role per word walked.
    var roles: [WordRole] = []
    /// The values that fit the spec, checked and converted.
    var arguments = ParsedArguments()
    /// The first thing wrong with the words, in the order the parser reports it; nil when they fit.
    var problem: ShellError?
}

/// Walks the words after a command's name: options (`--name value`, `--name=value`, `-x`), `--`,
/// then positionals split among the spec's positional arguments.
enum ArgumentWalker {
    static func walk(_ words: [String], spec: CommandSpec) -> ArgumentWalk {
        var walk = ArgumentWalk()
        walk.roles.reserveCapacity(words.count)
        var loose: [Int] = []
        var index = 0
        var onlyPositionals = false
        func note(_ problem: ShellError) {
            if walk.problem == nil { walk.problem = problem }
        }
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !looksLikeOption(word) {
                loose.append(walk.roles.count)
                walk.roles.append(.extra)
                continue
            }
            if word == "--" {
                onlyPositionals = true
                walk.roles.append(.endOfOptions)
                continue
            }
            let (name, inlineValue) = split(word)
            guard let option = find(name, in: spec) else {
                walk.roles.append(.unknownOption)
                let known = spec.allOptions.map { "--\($0.name)" }
                note(ShellError(.unknownOption(command: spec.name, option: name, suggestions: Suggester.closest(to: name, among: known))))
                continue
            }
            if option.isFlag {
                walk.roles.append(inlineValue == nil ? .option(option.name) : .inlineOption(option.name))
                if let inlineValue {
                    note(ShellError(.invalidValue(command: spec.name, argument: "--\(option.name)", value: inlineValue, expected: "no value")))
                } else {
                    walk.arguments.raise(option)
                }
                continue
            }
            let value: String
            if let inlineValue {
                walk.roles.append(.inlineOption(option.name))
                value = inlineValue
            } else if index < words.count {
                walk.roles.append(.option(option.name))
                walk.roles.append(.optionValue(option.name))
                value = words[index]
                index += 1
            } else {
                walk.roles.append(.option(option.name))
                note(ShellError(.missingOptionValue(command: spec.name, option: "--\(option.name)")))
                continue
            }
            do {
                walk.arguments.set(try option.type.value(of: value, argument: "--\(option.name)", command: spec.name), for: .option(option))
            } catch {
                note(error)
            }
        }
        assignPositionals(loose, words: words, spec: spec, into: &walk)
        return walk
    }

    /// `-` alone (stdin) and negative numbers or times (`-5`, `-2h`, `-.5`) are values, not options.
    static func looksLikeOption(_ word: String) -> Bool {
        guard word.first == "-", let second = word.dropFirst().first else { return false }
        return !(second.isNumber || second == ".")
    }

    /// `--name=value` and `-x=value` carry their value in the word.
    private static func split(_ word: String) -> (name: String, value: String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func find(_ name: String, in spec: CommandSpec) -> OptionSpec? {
        if name.hasPrefix("--") { return spec.allOptions.first { $0.answers(to: name.dropFirst(2)) } }
        guard name.count == 2, let short = name.last else { return nil }
        return spec.allOptions.first { $0.short == short }
    }

    /// Splits the loose words among the positionals in order: an optional one takes a word only
    /// when enough are left for the required ones after it, a repeating one all it can spare.
    private static func assignPositionals(_ loose: [Int], words: [String], spec: CommandSpec, into walk: inout ArgumentWalk) {
        let positionalProblems = walk.problem == nil && !walk.arguments[CommandSpec.help]
        var problem: ShellError?
        var remaining = loose[...]
        for (position, positional) in spec.positionals.enumerated() {
            let needLater = spec.positionals[(position + 1)...].filter { !$0.isOptional }.count
            let take: Int
            if positional.isRepeating {
                take = max(0, remaining.count - needLater)
            } else if positional.isOptional, remaining.count <= needLater {
                take = 0
            } else {
                take = min(1, remaining.count)
            }
            if take == 0, !positional.isOptional {
                problem = problem ?? ShellError(.missingArgument(command: spec.name, argument: positional.name))
            }
            // Roles and words line up one to one, so a loose word's index is its role's too.
            for index in remaining.prefix(take) {
                walk.roles[index] = .positional(positional.name)
                do {
                    let value = try positional.type.value(of: words[index], argument: positional.name, command: spec.name)
                    walk.arguments.set(value, for: .positional(positional))
                } catch {
                    problem = problem ?? error
                }
            }
            remaining = remaining.dropFirst(take)
        }
        if let extra = remaining.first {
            problem = problem ?? ShellError(.tooManyArguments(command: spec.name, extra: words[extra]))
        }
        if positionalProblems, let problem { walk.problem = problem }
    }
}
