/// Whether running a command changes the platform, so confirmation and docs can tell.
struct CommandEffect: Sendable, Hashable {
    let name: String
    static let reads = CommandEffect(name: "reads")
    static let changes = CommandEffect(name: "changes")
    /// Destroys data or resources: asks for confirmation on a terminal unless `--yes`.
    static let destroys = CommandEffect(name: "destroys")
}

/// The body of a command: reads its arguments from the context, calls the platform, emits output.
typealias CommandBody = @Sendable (inout CommandContext) async throws -> Void

/// The one declaration of a command. Parsing, help, usage and error text, completion,
/// confirmation and the JSON dump all read it.
struct CommandSpec: Sendable {
    var words: [String]
    var aliases: [[String]] = []
    var abstract: String
    var discussion: String? = nil
    var positionals: [PositionalSpec] = []
    var options: [OptionSpec] = []
    var examples: [String] = []
    var effect: CommandEffect = .reads
    var body: CommandBody

    var name: String { words.joined(separator: " ") }

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }

    func option(short: Character) -> OptionSpec? {
        options.first { $0.short == short }
    }

    /// Every option the parser accepts, including the ones every command has.
    var allOptions: [OptionSpec] {
        var all = options
        if effect == .destroys { all.append(.flag("yes", short: "y", "do not ask for confirmation")) }
        all.append(.flag("help", short: "h", "show this help"))
        return all
    }
}
