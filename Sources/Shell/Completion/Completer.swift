import Foundation

/// What completion knows about the session without asking the platform: completion never blocks
/// on the network, it offers the child names `ls`, `cd` and `tree` have already seen.
struct CompletionSnapshot: Sendable {
    var knownChildren: [String: [KnownChild]] = [:]
    /// RIDs from the root down to the current client, the root first.
    var pathRIDs: [String] = []
    var settings = Settings()
}

/// Shared between the runner, which updates it after each command, and the line editor's completer.
// @unchecked Sendable: `snapshot` is only read or written while holding `lock`.
final class CompletionState: @unchecked Sendable {
    private let lock = NSLock()
    private var current = CompletionSnapshot()

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

    /// - Returns: how many characters before the cursor the candidates replace, and the candidates.
    func complete(textBeforeCursor: String) -> (replacing: Int, candidates: [String]) {
        let (words, inside) = Tokenizer(environment: environment).partialWords(in: textBeforeCursor)
        let prefix = inside ? (words.last?.text ?? "") : ""
        let done = inside ? Array(words.dropLast()).map(\.text) : words.map(\.text)
        let replacing = inside ? textBeforeCursor.count - (words.last?.position ?? textBeforeCursor.count) : 0
        let candidates = candidates(after: done, prefix: prefix).filter { $0.hasPrefix(prefix) }
        return (replacing, Array(Set(candidates)).sorted())
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
        case .resourcePath: return PathCompleter(snapshot: snapshot).candidates(for: prefix)
        case .keyName: return ((try? KeyStore(environment: environment).keys()) ?? []).map(\.name)
        case .setting: return previous.last.map(Settings.allowedValues) ?? []
        case .file: return files()
        }
    }

    private func files() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.currentDirectoryPath)) ?? []
        return entries.filter { !$0.hasPrefix(".") }
    }
}
