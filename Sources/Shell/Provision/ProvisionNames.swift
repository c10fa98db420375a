import Foundation
import OneP

/// Which provisioning names a completion wants: the vendor's models, or one model's serial
/// numbers or content ids.
enum ProvisionNameKey: Sendable, Hashable {
    case models
    case serialNumbers(model: String)
    case contents(model: String)
}

/// Asks the provisioning API for names, as completion needs them: one request per key.
struct ProvisionNameFetcher: Sendable {
    let transport: any ProvisionTransport
    let auth: VendorAuth

    func names(_ key: ProvisionNameKey) async -> [String]? {
        let client = ProvisionClient(transport: transport, auth: auth)
        let answer: ProvisionAnswer?
        switch key {
        case .models: answer = try? await client.modelList()
        case .serialNumbers(let model): answer = try? await client.serialNumberList(model: model, limit: 1000)
        case .contents(let model): answer = try? await client.contentList(model: model)
        }
        guard let answer, answer.isSuccess else { return nil }
        return answer.rows.compactMap(\.first).filter { !$0.isEmpty }
    }
}

/// Provisioning names fetched for completion, shared by the line editor's thread and background
/// fetches. Like ``RemoteNames``, a keystroke waits at most its budget for a missing key.
// @unchecked Sendable: `fetched`, `inFlight` and `waiters` are only touched while holding `lock`.
final class ProvisionNameCache: @unchecked Sendable {
    private let lock = NSLock()
    private var fetched: [ProvisionNameKey: [String]] = [:]
    private var inFlight: Set<ProvisionNameKey> = []
    private var waiters: [ProvisionNameKey: [DispatchSemaphore]] = [:]

    func cached(_ key: ProvisionNameKey) -> [String]? {
        lock.withLock { fetched[key] }
    }

    func reset() {
        lock.withLock { fetched = [:] }
    }

    func store(_ names: [String], for key: ProvisionNameKey) {
        lock.withLock { fetched[key] = names }
    }

    /// Starts fetching `key` in the background unless a fetch of it is already running.
    func refresh(_ key: ProvisionNameKey, with fetcher: ProvisionNameFetcher) {
        let isNew = lock.withLock { inFlight.insert(key).inserted }
        guard isNew else { return }
        Task.detached { [self] in
            let names = await fetcher.names(key)
            let waiting = lock.withLock { () -> [DispatchSemaphore] in
                if let names { fetched[key] = names }
                inFlight.remove(key)
                return waiters.removeValue(forKey: key) ?? []
            }
            for semaphore in waiting { semaphore.signal() }
        }
    }

    /// The names for `key`, fetching them when unknown but waiting no later than `deadline`.
    func names(_ key: ProvisionNameKey, fetcher: ProvisionNameFetcher?, deadline: DispatchTime) -> [String]? {
        guard let fetcher else { return cached(key) }
        let semaphore = DispatchSemaphore(value: 0)
        let known = lock.withLock { () -> [String]? in
            if let known = fetched[key] { return known }
            waiters[key, default: []].append(semaphore)
            return nil
        }
        if let known { return known }
        refresh(key, with: fetcher)
        _ = semaphore.wait(timeout: deadline)
        return cached(key)
    }
}
