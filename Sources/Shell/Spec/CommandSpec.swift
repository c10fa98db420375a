/// Whether running a command changes the platform, so confirmation and docs can tell.
struct CommandEffect: Sendable, Hashable {
    let name: String
    static let reads = CommandEffect(name: "reads")
    static let changes = CommandEffect(name: "changes")
    /// Destroys data or resources: asks for confirmation on a terminal unless `--yes`.
    static let destroys = CommandEffect(name: "destroys")
}

/// The body of a command: reads its arguments through the keys of its spec, calls the platform,
/// and returns what it produced (nil for nothing); the renderers decide how that looks.
typealias CommandBody = @Sendable (inout CommandContext) async throws -> CommandOutput?

/// The one declaration of a command. Parsing, help, usage and error text, completion,
/// confirmation, history redaction, recording and the JSON dump all read it.
struct CommandSpec: Sendable {
    var words: [String]
    var aliases: [[String]] = []
    var abstract: String
    var discussion: String? = nil
    /// The arguments in the order the keys were declared.
    let arguments: [ArgumentDeclaration]
    let positionals: [PositionalSpec]
    let options: [OptionSpec]
    /// Every option the parser accepts: the declared ones, `--yes` for commands that destroy, `--help`.
    let allOptions: [OptionSpec]
    var examples: [String] = []
    var effect: CommandEffect = .reads
    /// Whether a recording of the session keeps the command: not for the commands that drive
    /// recording themselves, nor for `source` (whose commands are recorded one by one) or `exit`.
    var isRecorded = true
    var run: CommandBody

    /// `--yes`, which every command that destroys accepts.
    static let yes = Flag("yes", short: "y", "do not ask for confirmation")
    /// `--help`, which every command accepts.
    static let help = Flag("help", short: "h", "show this help")

    init(
        words: [String], aliases: [[String]] = [], abstract: String, discussion: String? = nil, arguments: [any ArgumentKey] = [],
        examples: [String] = [], effect: CommandEffect = .reads, isRecorded: Bool = true, run: @escaping CommandBody
    ) {
        self.words = words
        self.aliases = aliases
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments.map(\.declaration)
        var positionals: [PositionalSpec] = []
        var options: [OptionSpec] = []
        for argument in self.arguments {
            switch argument {
            case .positional(let spec): positionals.append(spec)
            case .option(let spec): options.append(spec)
            }
        }
        self.positionals = positionals
        self.options = options
        self.allOptions = options + (effect == .destroys ? [CommandSpec.yes.spec] : []) + [CommandSpec.help.spec]
        self.examples = examples
        self.effect = effect
        self.isRecorded = isRecorded
        self.run = run
    }

    var name: String { words.joined(separator: " ") }

    func option(named name: String) -> OptionSpec? {
        allOptions.first { $0.answers(to: Substring(name)) }
    }

    func option(short: Character) -> OptionSpec? {
        allOptions.first { $0.short == short }
    }

    func positional(named name: String) -> PositionalSpec? {
        positionals.first { $0.name == name }
    }
}
