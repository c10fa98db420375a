import OnePJSON

/// help, history, source, exit: the shell itself.
enum MetaCommands {
    static let help = CommandSpec(
        words: ["help"],
        abstract: "List commands, or explain one",
        positionals: [
            PositionalSpec(name: "COMMAND", help: "a command, e.g. 'read' or 'keys add'", isOptional: true, isRepeating: true, completion: .command)
        ],
        options: [
            .flag("dump", "print every command's spec as versioned JSON"),
            .flag("markdown", "print the command reference as Markdown (docs/COMMANDS.md)"),
        ],
        examples: ["help", "help read", "help keys add"],
        body: { context in
            let commands = context.services.commands
            if context.arguments.flag("dump") {
                context.services.output.writeOut(SpecDump(commands: commands).json().serialized(pretty: true) + "\n")
                return
            }
            if context.arguments.flag("markdown") {
                context.services.output.writeOut(MarkdownGenerator(commands: commands).render())
                return
            }
            let words = context.arguments.values("COMMAND")
            guard !words.isEmpty else {
                context.services.output.writeOut(HelpGenerator(commands: commands).overview())
                return
            }
            guard let spec = commands.first(where: { $0.words == words || $0.aliases.contains(words) }) else {
                throw ShellError(
                    .unknownCommand(
                        words.joined(separator: " "), suggestions: Suggester.closest(to: words.joined(separator: " "), among: commands.map(\.name))))
            }
            context.services.output.writeOut(HelpGenerator(commands: commands).help(for: spec))
        }
    )

    static let history = CommandSpec(
        words: ["history"],
        abstract: "Show the lines entered, earlier sessions' first (secrets masked)",
        discussion:
            "History holds what the history file kept from earlier sessions on this platform endpoint, then this session's lines. Secret arguments are kept as <redacted>, and so is anything shaped like a CIK outside a RID position. A line typed with a leading space is not kept. The history file is per platform endpoint, under $XDG_STATE_HOME/onep (else ~/.local/state/onep), readable only by you.",
        options: [.flag("clear", short: "c", "forget the history, here and in the history file")],
        examples: ["history", "history -c"],
        body: { context in
            if context.arguments.flag("clear") {
                context.historyCleared = true
                return
            }
            let rows: [[JSON]] = context.history.enumerated().map { [.int($0.offset + 1), .string($0.element)] }
            context.emit(.table(Table(columns: ["n", "line"], rows: rows, rightAligned: [0], showsHeader: false)))
        }
    )

    static let source = CommandSpec(
        words: ["source"],
        aliases: [["."]],
        abstract: "Run the commands of a file in this session",
        positionals: [PositionalSpec(name: "FILE", help: "a script file", completion: .file)],
        body: { context in
            context.sourceRequested = context.arguments.required("FILE")
        }
    )

    static let exit = CommandSpec(
        words: ["exit"],
        aliases: [["quit"]],
        abstract: "Leave the shell",
        positionals: [PositionalSpec(name: "CODE", help: "the exit code (default 0)", type: .integer, isOptional: true)],
        body: { context in
            context.exitRequested = Int32(context.arguments.value("CODE").flatMap { Int($0) } ?? 0)
        }
    )
}
