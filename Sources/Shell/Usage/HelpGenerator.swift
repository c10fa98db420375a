import LineEditor

/// Help text for one command or for all of them, rendered from the specs.
struct HelpGenerator {
    let commands: [CommandSpec]

    /// The list of commands with their abstracts, grouped in the order the specs declare them.
    func overview() -> String {
        var rows: [[String]] = []
        for spec in commands {
            rows.append([spec.name, spec.abstract])
        }
        let width = rows.map { DisplayWidth.of($0[0]) }.max() ?? 0
        var out = "Commands:\n"
        for row in rows { out += "  " + DisplayWidth.pad(row[0], to: width) + "  " + row[1] + "\n" }
        out += "\nPaths: name, alias or RID, joined with '/'; '..' is the parent, '/' the client you are authenticated as.\n"
        out += "Type 'help COMMAND' or 'COMMAND --help' for details.\n"
        return out
    }

    func help(for spec: CommandSpec) -> String {
        var out = "usage: " + UsageGenerator(spec: spec).synopsis + "\n\n" + spec.abstract + "\n"
        if let discussion = spec.discussion { out += "\n" + discussion + "\n" }
        if !spec.aliases.isEmpty {
            out += "\nAlso: " + spec.aliases.map { $0.joined(separator: " ") }.joined(separator: ", ") + "\n"
        }
        var rows: [(String, String)] = spec.positionals.map { positional in
            var help = positional.help
            if case .choice(let values) = positional.type.kind { help += " (" + values.joined(separator: ", ") + ")" }
            return (positional.name, help)
        }
        for option in spec.allOptions {
            var name = "--" + option.name
            if let short = option.short { name = "-\(short), " + name }
            if let valueName = option.valueName { name += " " + valueName }
            var help = option.help
            if !option.type.choices.isEmpty { help += " (" + option.type.choices.joined(separator: ", ") + ")" }
            rows.append((name, help))
        }
        if !rows.isEmpty {
            let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
            out += "\nArguments:\n"
            for (name, help) in rows { out += "  " + DisplayWidth.pad(name, to: width) + "  " + help + "\n" }
        }
        if !spec.examples.isEmpty {
            out += "\nExamples:\n"
            for example in spec.examples { out += "  " + example + "\n" }
        }
        return out
    }
}
