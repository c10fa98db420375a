/// Checks the command table in DEBUG builds, so a clash is found by the first test, not by a user.
enum SpecValidator {
    static func problems(in commands: [CommandSpec]) -> [String] {
        var problems: [String] = []
        var seen: Set<[String]> = []
        for spec in commands {
            for words in [spec.words] + spec.aliases {
                if !seen.insert(words).inserted { problems.append("'\(words.joined(separator: " "))' is declared twice") }
            }
            var names: Set<String> = []
            for option in spec.allOptions {
                if !names.insert("--" + option.name).inserted { problems.append("\(spec.name): option --\(option.name) is declared twice") }
                if let short = option.short, !names.insert("-\(short)").inserted {
                    problems.append("\(spec.name): option -\(short) is declared twice")
                }
            }
            for positional in spec.positionals where !names.insert(positional.name).inserted {
                problems.append("\(spec.name): argument \(positional.name) is declared twice")
            }
            // Past a repeating positional only required ones can follow, or the split would be ambiguous.
            if let repeating = spec.positionals.firstIndex(where: \.isRepeating),
                spec.positionals[(repeating + 1)...].contains(where: { $0.isOptional || $0.isRepeating })
            {
                problems.append("\(spec.name): an optional argument follows a repeating one")
            }
            if spec.abstract.isEmpty { problems.append("\(spec.name): no abstract") }
        }
        return problems
    }

    static func check(_ commands: [CommandSpec]) {
        let found = problems(in: commands)
        precondition(found.isEmpty, "command table: " + found.joined(separator: "; "))
    }
}
