import Foundation
import OneP

/// Asks the platform for the children of one client, as completion needs them: two requests,
/// the listing with its aliases, then every child's name.
struct ChildFetcher: Sendable {
    let transport: any Transport
    let auth: Auth
    /// The client the session is authenticated as, which calls name as itself.
    let rootRID: String

    func children(of rid: String) async -> [KnownChild]? {
        let client = RPCClient(transport: transport, auth: auth)
        let id: ResourceID = rid == rootRID ? .me : .rid(rid)
        guard
            let first = try? await client.batch([.listing(id, types: ResourceType.all, options: .init(owned: true)), .info(id, options: [.aliases])]),
            first[0].status.isOK
        else { return nil }
        let listed = Child.listed(first[0].result)
        let aliases = Child.aliases(first[1].status.isOK ? first[1].result : nil)
        guard !listed.isEmpty else { return [] }
        guard let infos = try? await client.batch(listed.map { .info(.rid($0.rid), options: [.description]) }) else { return nil }
        return zip(listed, infos).map { Child(rid: $0.rid, type: $0.type, info: $1.result, alias: aliases[$0.rid]).known }
    }
}

/// Child names fetched for completion, shared by the line editor's thread and background fetches.
///
/// A keystroke never waits long: a miss starts a fetch in the background and waits for it at
/// most the keystroke's remaining budget, then answers with what is known.
// @unchecked Sendable: `fetched`, `inFlight` and `waiters` are only touched while holding `lock`.
final class RemoteNames: @unchecked Sendable {
    private let lock = NSLock()
    private var fetched: [String: [KnownChild]] = [:]
    private var inFlight: Set<String> = []
    private var waiters: [String: [DispatchSemaphore]] = [:]

    func cached(_ rid: String) -> [KnownChild]? {
        lock.withLock { fetched[rid] }
    }

    /// Forgets what was fetched (running fetches still store their answers).
    func reset() {
        lock.withLock { fetched = [:] }
    }

    /// Starts fetching `rid`'s children in the background unless a fetch is already running.
    func refresh(_ rid: String, with fetcher: ChildFetcher) {
        let isNew = lock.withLock { inFlight.insert(rid).inserted }
        guard isNew else { return }
        Task.detached { [self] in
            let children = await fetcher.children(of: rid)
            let waiting = lock.withLock { () -> [DispatchSemaphore] in
                if let children { fetched[rid] = children }
                inFlight.remove(rid)
                return waiters.removeValue(forKey: rid) ?? []
            }
            for semaphore in waiting { semaphore.signal() }
        }
    }

    /// The children of `rid`, fetching them when unknown but waiting no later than `deadline`.
    func children(of rid: String, fetcher: ChildFetcher?, deadline: DispatchTime) -> [KnownChild]? {
        guard let fetcher else { return cached(rid) }
        let semaphore = DispatchSemaphore(value: 0)
        let known = lock.withLock { () -> [KnownChild]? in
            if let known = fetched[rid] { return known }
            waiters[rid, default: []].append(semaphore)
            return nil
        }
        if let known { return known }
        refresh(rid, with: fetcher)
        _ = semaphore.wait(timeout: deadline)
        return cached(rid)
    }

    /// Stores a listing learnt elsewhere (one-shot completion fetches it directly).
    func store(_ children: [KnownChild], for rid: String) {
        lock.withLock { fetched[rid] = children }
    }
}
