import Foundation

/// What completion knows about the session without asking the platform: completion never blocks
/// on the network, it offers the child names `ls`, `cd` and `tree` have already seen.
struct CompletionSnapshot: Sendable {
    var knownChildren: [String: [KnownChild]] = [:]
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

/// Shared between the runner, which updates it after each command, and the line editor's completer.
// @unchecked Sendable: `snapshot` is only read or written while holding `lock`.
final class CompletionState: @unchecked Sendable {
    private let lock = NSLock()
    private var current = CompletionSnapshot()
    /// Names fetched for completion in the background.
    let remote = RemoteNames()
    /// Provisioning names fetched for completion in the background.
    let provision = ProvisionNameCache()

    var snapshot: CompletionSnapshot {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}

/// Offers the words that may come next, reading the command specs.
struct Completer {
    let commands: [CommandSpec]
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
        let parser = CommandParser(commands: commands)
        guard let (spec, consumed) = parser.match(done) else {
            return nextCommandWords(after: done)
        }
        let subcommands = nextCommandWords(after: done)
        let rest = Array(done.dropFirst(consumed))
        if prefix.hasPrefix("-") { return spec.allOptions.map { "--" + $0.name } }
        if let last = rest.last, last.hasPrefix("--"), let option = spec.option(named: String(last.dropFirst(2))), !option.isFlag {
            return values(for: option.completionSource, previous: rest, prefix: prefix)
        }
        var index = 0
        var skipNext = false
        for word in rest {
            if skipNext {
                skipNext = false
                continue
            }
            if word.hasPrefix("--"), let option = spec.option(named: String(word.dropFirst(2))) {
                skipNext = !option.isFlag
                continue
            }
            index += 1
        }
        var result = rest.isEmpty ? subcommands : []
        if let positional = spec.positionals.indices.contains(index) ? spec.positionals[index] : spec.positionals.last(where: \.isRepeating) {
            result += values(for: positional.completionSource, previous: rest, prefix: prefix)
        }
        return result
    }

    private func nextCommandWords(after done: [String]) -> [String] {
        commands.flatMap { [$0.words] + $0.aliases }.compactMap { words in
            words.count > done.count && Array(words.prefix(done.count)) == done ? words[done.count] : nil
        }
    }

    private func values(for source: CompletionSource, previous: [String], prefix: String) -> [String] {
        switch source.kind {
        case .none: return []
        case .command: return commands.map { $0.words[0] }
        case .values(let values): return values
        case .resourcePath: return PathCompleter(snapshot: snapshot, lookup: lookup).candidates(for: prefix)
        case .provider(let key):
            var registered = providers
            ProvisionCompletion.register(into: &registered, lookup: provisionLookup)
            return registered.candidates(key, prefix: prefix, previous: previous)
        case .keyName: return ((try? KeyStore(environment: environment).keys()) ?? []).map(\.name)
        case .setting: return previous.last.map(Settings.allowedValues) ?? []
        case .file: return FileCompleter(environment: environment, currentDirectory: currentDirectory).candidates(for: prefix)
        }
    }

    /// Provisioning names: what the session saw, else what was fetched, else a fetch that may take
    /// what is left of the budget.
    private var provisionLookup: @Sendable (ProvisionNameKey) -> [String]? {
        let deadline = DispatchTime.now() + budget
        return { [snapshot, provisionCache, missedNames] key in
            if let known = snapshot.provisionNames[key] { return known }
            if let found = provisionCache?.names(key, fetcher: snapshot.provisionFetcher, deadline: deadline) { return found }
            missedNames?(key)
            return nil
        }
    }

    /// Children of a client: what the session saw, else what was fetched, else a fetch that may
    /// take what is left of the budget.
    private var lookup: (String) -> [KnownChild]? {
        let deadline = DispatchTime.now() + budget
        return { [snapshot, remote] rid in
            if let known = snapshot.knownChildren[rid] { return known }
            if let found = remote?.children(of: rid, fetcher: snapshot.fetcher, deadline: deadline) { return found }
            missed?(rid)
            return nil
        }
    }
}
