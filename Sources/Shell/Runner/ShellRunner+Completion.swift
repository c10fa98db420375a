import Foundation
import OneP

extension ShellRunner {
    /// Completion for front ends without a session of their own: the candidates for the word
    /// before the cursor and how many characters they replace. Uses only what the session knows.
    public func complete(textBeforeCursor: String) -> (replacing: Int, candidates: [String]) {
        Completer(parser: services.parser, environment: services.environment, snapshot: completionSnapshot())
            .complete(textBeforeCursor: textBeforeCursor)
    }

    /// `onep __complete -- WORD...`: the candidates for the last word (possibly empty) after the
    /// others. Unlike a keystroke in the REPL, a one-shot run has nothing cached, so it asks the
    /// platform for every level of a path it needs, a few requests in all.
    public func completions(forWords words: [String]) async -> [String] {
        let done = Array(words.dropLast())
        let prefix = words.last ?? ""
        await findRoot()
        let remote = RemoteNames()
        var snapshot = completionSnapshot()
        let fetcher = snapshot.fetcher
        snapshot.fetcher = nil
        let provisionFetcher = snapshot.provisionFetcher
        snapshot.provisionFetcher = nil
        let provision = ProvisionNameCache()
        let misses = MissLog<String>()
        let missedNames = MissLog<ProvisionNameKey>()
        // Each round learns one more level of the path being typed.
        for _ in 0..<16 {
            var completer = Completer(parser: services.parser, environment: services.environment, snapshot: snapshot, remote: remote)
            completer.provisionCache = provision
            completer.missed = { misses.add($0) }
            completer.missedNames = { missedNames.add($0) }
            let candidates = completer.complete(words: done, prefix: prefix)
            let wanted = misses.take()
            let wantedNames = missedNames.take()
            guard (fetcher != nil && !wanted.isEmpty) || (provisionFetcher != nil && !wantedNames.isEmpty) else { return candidates }
            for rid in wanted {
                let children = await fetcher?.children(of: rid)
                remote.store(children ?? [], for: rid)
            }
            for key in wantedNames {
                provision.store(await provisionFetcher?.names(key) ?? [], for: key)
            }
        }
        return []
    }

    /// Learns the RID of the client the session is authenticated as, which paths start from.
    private func findRoot() async {
        guard session.root == nil, let auth = session.auth else { return }
        let client = RPCClient(transport: session.endpoint.transport, auth: auth)
        if let rid = (try? await client.call(.lookup(.me, .alias(""))))?.stringValue {
            session.root = PathSegment(rid: rid, name: session.authLabel)
        }
    }
}

extension ShellRunner {
    /// File paths starting with `prefix`, for front ends completing their own file options.
    public static func fileCompletions(prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        FileCompleter(environment: environment, currentDirectory: FileManager.default.currentDirectoryPath).candidates(for: prefix)
            .filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// Saved key names starting with `prefix` (onep's own and exoline's).
    public static func keyNameCompletions(prefix: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        ((try? KeyStore(environment: environment).keys()) ?? []).map(\.name).filter { $0.hasPrefix(prefix) }
    }
}
