import OnePJSON

/// help, history, source, exit, version: the shell itself.
enum MetaCommands {
    static let command = RepeatingArgument<String>("COMMAND", "a command, e.g. 'read' or 'keys add'", optional: true, completion: .command)
    static let dump = Flag("dump", "print every command's spec as versioned JSON")
    static let markdown = Flag("markdown", "print the command reference as Markdown (docs/COMMANDS.md)")

    static let help = CommandSpec(
        words: ["help"],
        abstract: "List commands, or explain one",
        arguments: [command, dump, markdown],
        examples: ["help", "help read", "help keys add", "help script"],
        run: { context in
            let commands = context.services.commands
            if context[dump] { return .verbatim(SpecDump(commands: commands).json().serialized(pretty: true) + "\n") }
            if context[markdown] { return .verbatim(MarkdownGenerator(commands: commands).render()) }
            let words = context[command]
            guard !words.isEmpty else { return .verbatim(HelpGenerator(commands: commands).overview()) }
            if let spec = commands.first(where: { $0.words == words || $0.aliases.contains(words) }) {
                return .verbatim(HelpGenerator(commands: commands).help(for: spec))
            }
            // A group's first words (`help provision`, `help provision sn`) list its commands.
            if let group = HelpGenerator(commands: commands).overview(of: words) { return .verbatim(group) }
            let typed = words.joined(separator: " ")
            let groups = Set(commands.flatMap { spec in (1..<spec.words.count).map { spec.words.prefix($0).joined(separator: " ") } })
            throw ShellError(.unknownCommand(typed, suggestions: Suggester.closest(to: typed, among: commands.map(\.name) + groups.sorted())))
        }
    )

    static let clear = Flag("clear", short: "c", "forget the history, here and in the history file")

    static let history = CommandSpec(
        words: ["history"],
        abstract: "Show the lines entered, earlier sessions' first (secrets masked)",
        discussion:
            "History holds what the history file kept from earlier sessions on this platform endpoint, then this session's lines. Secret arguments are kept as <redacted>, and so is anything shaped like a CIK outside a RID position. A line typed with a leading space is not kept. The history file is per platform endpoint, under $XDG_STATE_HOME/onep (else ~/.local/state/onep), readable only by you.",
        arguments: [clear],
        examples: ["history", "history -c"],
        run: { context in
            if context[clear] {
                context.historyCleared = true
                return nil
            }
            let rows: [[JSON]] = context.history.enumerated().map { [.int($0.offset + 1), .string($0.element)] }
            return .table(Table(columns: ["n", "line"], rows: rows, rightAligned: [0], showsHeader: false))
        }
    )

    static let file = Argument<String>("FILE", "a script file", completion: .file)

    static let source = CommandSpec(
        words: ["source"],
        aliases: [["."]],
        abstract: "Run the commands of a file in this session",
        arguments: [file],
        isRecorded: false,
        run: { context in
            context.sourceRequested = context[file]
            return nil
        }
    )

    static let code = OptionalArgument<Int>("CODE", "the exit code (default 0)")

    static let exit = CommandSpec(
        words: ["exit"],
        aliases: [["quit"]],
        abstract: "Leave the shell (also \\q, as in psql)",
        arguments: [code],
        isRecorded: false,
        run: { context in
            context.exitRequested = Int32(truncatingIfNeeded: context[code] ?? 0)
            return nil
        }
    )

    static let version = CommandSpec(
        words: ["version"],
        abstract: "Print onep's version",
        isRecorded: false,
        run: { _ in .message(OnepVersion.text) }
    )
}
