import LineEditor

/// Help text for one command or for all of them, rendered from the specs.
struct HelpGenerator {
    let commands: [CommandSpec]

    /// The list of commands with their abstracts, grouped in the order the specs declare them.
    func overview() -> String {
        var out = "Commands:\n" + list(commands)
        out += "\nPaths: name, alias or RID, joined with '/'; '..' is the parent, '/' the client you are authenticated as.\n"
        out += "Type 'help COMMAND' or 'COMMAND --help' for details.\n"
        return out
    }

    /// The commands that start with `words` (`help script`, `help provision sn`), nil when none does.
    func overview(of words: [String]) -> String? {
        let group = commands.filter { $0.words.count > words.count && Array($0.words.prefix(words.count)) == words }
        guard !group.isEmpty else { return nil }
        var out = "'\(words.joined(separator: " "))' commands:\n" + list(group)
        if let note = Self.groupNotes[words] { out += "\n" + note + "\n" }
        out += "\nType 'help COMMAND' or 'COMMAND --help' for details.\n"
        return out
    }

    /// What a group of commands has in common, where it needs saying.
    static let groupNotes: [[String]: String] = [
        ["script"]:
            "A script is a datarule whose rule is Lua 5.2 source; the platform runs it for the client that owns it. Write it in a file, 'script upload' it, feed its dataports, and 'script log --follow' shows what it says. The Lua environment and the examples: docs/scripts/README.md."
    ]

    private func list(_ specs: [CommandSpec]) -> String {
        let width = specs.map { DisplayWidth.of($0.name) }.max() ?? 0
        return specs.map { "  " + DisplayWidth.pad($0.name, to: width) + "  " + $0.abstract + "\n" }.joined()
    }

    func help(for spec: CommandSpec) -> String {
        var out = "usage: " + UsageGenerator(spec: spec).synopsis + "\n\n" + spec.abstract + "\n"
        if let discussion = spec.discussion { out += "\n" + discussion + "\n" }
        if !spec.aliases.isEmpty {
            out += "\nAlso: " + spec.aliases.map { $0.joined(separator: " ") }.joined(separator: ", ") + "\n"
        }
        var rows: [(String, String)] = spec.positionals.map { ($0.name, $0.fullHelp) }
        for option in spec.allOptions {
            var name = "--" + option.name
            if let short = option.short { name = "-\(short), " + name }
            if let valueName = option.valueName { name += " " + valueName }
            rows.append((name, option.fullHelp))
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
