import Foundation
import Synchronization

/// What completion knows about the session without asking the platform: completion never blocks
/// long on the network; it offers the names the session's path cache holds, then what background
/// fetches brought.
struct CompletionSnapshot: Sendable {
    /// The names the session's commands resolved, listed or were told of.
    var paths: PathCache?
    /// RIDs from the root down to the current client, the root first.
    var pathRIDs: [String] = []
    var settings = Settings()
    /// How to ask the platform for names the session has not seen; nil when not authenticated.
    var fetcher: ChildFetcher?
    /// Model names, serial numbers and content ids the provision list commands saw.
    var provisionNames: [ProvisionNameKey: [String]] = [:]
    /// How to ask for provisioning names; nil without vendor credentials.
    var provisionFetcher: ProvisionNameFetcher?
}

/// Children fetched for completion, by client RID.
typealias RemoteNames = BackgroundFetchCache<String, [KnownChild]>
/// Provisioning names fetched for completion.
typealias ProvisionNameCache = BackgroundFetchCache<ProvisionNameKey, [String]>

/// Shared between the runner, which updates it after each command, and the line editor's completer.
final class CompletionState: Sendable {
    private let current = Mutex(CompletionSnapshot())
    /// Names fetched for completion in the background.
    let remote = RemoteNames()
    /// Provisioning names fetched for completion in the background.
    let provision = ProvisionNameCache()

    var snapshot: CompletionSnapshot {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}

/// Offers the words that may come next. Which argument the word being typed is comes from the
/// same walk of the grammar the parser makes (``ArgumentWalker``), so completion reads `-x`,
/// `--opt=value` and `--` exactly as running the line would.
struct Completer {
    let parser: CommandParser
    let environment: [String: String]
    let snapshot: CompletionSnapshot
    /// Where names missing from the snapshot are fetched; nil answers from the snapshot alone.
    var remote: RemoteNames? = nil
    /// Where provisioning names missing from the snapshot are fetched; nil answers from the snapshot alone.
    var provisionCache: ProvisionNameCache? = nil
    /// How long one completion may wait for the platform in all.
    var budget: DispatchTimeInterval = .milliseconds(150)
    var providers = CompletionProviders()
    var currentDirectory = FileManager.default.currentDirectoryPath
    /// Told about each client whose children were wanted but unknown.
    var missed: (@Sendable (String) -> Void)? = nil
    /// Told about each provisioning key whose names were wanted but unknown.
    var missedNames: (@Sendable (ProvisionNameKey) -> Void)? = nil

    init(
        commands: [CommandSpec], environment: [String: String], snapshot: CompletionSnapshot, remote: RemoteNames? = nil,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.init(parser: CommandParser(commands: commands), environment: environment, snapshot: snapshot, remote: remote)
        self.currentDirectory = currentDirectory
    }

    init(parser: CommandParser, environment: [String: String], snapshot: CompletionSnapshot, remote: RemoteNames? = nil) {
        self.parser = parser
        self.environment = environment
        self.snapshot = snapshot
        self.remote = remote
    }

    /// - Returns: how many characters before the cursor the candidates replace, and the candidates.
    func complete(textBeforeCursor: String) -> (replacing: Int, candidates: [String]) {
        let (words, inside) = Tokenizer(environment: environment).partialWords(in: textBeforeCursor)
        let prefix = inside ? (words.last?.text ?? "") : ""
        let done = inside ? Array(words.dropLast()).map(\.text) : words.map(\.text)
        let replacing = inside ? textBeforeCursor.count - (words.last?.position ?? textBeforeCursor.count) : 0
        return (replacing, complete(words: done, prefix: prefix))
    }

    /// The sorted candidates for `prefix`, the word being typed after the complete `words`.
    func complete(words: [String], prefix: String) -> [String] {
        Array(Set(candidates(after: words, prefix: prefix).filter { $0.hasPrefix(prefix) })).sorted()
    }

    private func candidates(after done: [String], prefix: String) -> [String] {
        guard let (spec, consumed) = parser.match(done) else {
            return parser.nextWords(after: done)
        }
        let typed = Array(done.dropFirst(consumed)) + [prefix]
        let walk = ArgumentWalker.walk(typed, spec: spec)
        let arguments = walk.arguments
        switch walk.roles.last {
        case .optionValue(let name)?:
            return spec.option(named: name).map { values(for: $0.completionSource, prefix: prefix, arguments: arguments) } ?? []
        case .inlineOption(let name)?:
            let head = String(prefix.prefix { $0 != "=" }) + "="
            let value = String(prefix.dropFirst(head.count))
            guard let option = spec.option(named: name), !option.isFlag else { return [] }
            return values(for: option.completionSource, prefix: value, arguments: arguments).map { head + $0 }
        default:
            break
        }
        // After `--` every word is an argument, even one that starts with a dash.
        if prefix.hasPrefix("-"), !walk.roles.dropLast().contains(.endOfOptions) { return spec.allOptions.map { "--" + $0.name } }
        // With nothing typed after the command's name yet, its subcommands may come next too.
        var result = typed.count == 1 ? parser.nextWords(after: done) : []
        if case .positional(let name)? = walk.roles.last, let positional = spec.positional(named: name) {
            result += values(for: positional.completionSource, prefix: prefix, arguments: arguments)
        }
        return result
    }

    private func values(for source: CompletionSource, prefix: String, arguments: ParsedArguments) -> [String] {
        switch source.kind {
        case .none: return []
        case .command: return parser.topLevelWords
        case .values(let values): return values
        case .resourcePath: return PathCompleter(snapshot: snapshot, lookup: lookup).candidates(for: prefix)
        case .scriptPath, .scriptName:
            return ScriptCompletion(paths: PathCompleter(snapshot: snapshot, lookup: lookup)).candidates(source, prefix: prefix, arguments: arguments)
        case .provider(let key):
            var registered = providers
            ProvisionCompletion.register(into: &registered, lookup: provisionLookup)
            return registered.candidates(key, prefix: prefix, arguments: arguments)
        case .keyName: return ((try? KeyStore(environment: environment).keys()) ?? []).map(\.name)
        case .setting: return arguments.texts(ofPositional: SettingCommands.name.spec.name).first.map(Settings.allowedValues) ?? []
        case .file: return FileCompleter(environment: environment, currentDirectory: currentDirectory).candidates(for: prefix)
        case .luaFile:
            return FileCompleter(environment: environment, currentDirectory: currentDirectory).candidates(for: prefix, endingIn: [".lua"])
        case .yamlFile:
            return FileCompleter(environment: environment, currentDirectory: currentDirectory).candidates(for: prefix, endingIn: [".yaml", ".yml"])
        }
    }

    /// Provisioning names: what the session saw, else what was fetched, else a fetch that may take
    /// what is left of the budget.
    private var provisionLookup: @Sendable (ProvisionNameKey) -> [String]? {
        let deadline = DispatchTime.now() + budget
        let fetch = Completer.fetch(with: snapshot.provisionFetcher)
        return { [snapshot, provisionCache, missedNames] key in
            if let known = snapshot.provisionNames[key] { return known }
            if let found = provisionCache?.value(for: key, fetch: fetch, deadline: deadline) { return found }
            missedNames?(key)
            return nil
        }
    }

    private static func fetch(with fetcher: ProvisionNameFetcher?) -> ProvisionNameCache.Fetch? {
        guard let fetcher else { return nil }
        return { key in await fetcher.names(key) }
    }

    private static func fetch(with fetcher: ChildFetcher?) -> RemoteNames.Fetch? {
        guard let fetcher else { return nil }
        return { rid in await fetcher.children(of: rid) }
    }

    /// Children of a client: what the session knows, else what was fetched, else a fetch that may
    /// take what is left of the budget.
    private var lookup: (String) -> [KnownChild]? {
        let deadline = DispatchTime.now() + budget
        let fetch = Completer.fetch(with: snapshot.fetcher)
        return { [snapshot, remote, missed] rid in
            if let known = snapshot.paths?.knownChildren(of: rid) { return known }
            if let found = remote?.value(for: rid, fetch: fetch, deadline: deadline) { return found }
            missed?(rid)
            return nil
        }
    }
}
