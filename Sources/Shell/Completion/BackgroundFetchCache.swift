import Foundation
import Synchronization

/// Values completion fetched in the background, shared by the line editor's thread and the fetches:
/// a client's children, a vendor's model names, a model's serial numbers or content ids.
///
/// A keystroke never waits long: a miss starts a fetch in the background and waits for it at most
/// the keystroke's remaining budget, then answers with what is known. At most ``capacity`` keys are
/// kept; the oldest goes first.
final class BackgroundFetchCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    typealias Fetch = @Sendable (Key) async -> Value?

    private struct State {
        var fetched: [Key: Value] = [:]
        var order: [Key] = []
        var inFlight: Set<Key> = []
        var waiters: [Key: [DispatchSemaphore]] = [:]
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    func cached(_ key: Key) -> Value? {
        state.withLock { $0.fetched[key] }
    }

    /// Forgets what was fetched (running fetches still store their answers).
    func reset() {
        state.withLock { state in
            state.fetched = [:]
            state.order = []
        }
    }

    /// Stores a value learnt elsewhere (one-shot completion fetches directly).
    func store(_ value: Value, for key: Key) {
        state.withLock { Self.keep(value, for: key, in: &$0, capacity: capacity) }
    }

    /// Starts fetching `key` in the background unless a fetch of it is already running.
    func refresh(_ key: Key, with fetch: @escaping Fetch) {
        let isNew = state.withLock { $0.inFlight.insert(key).inserted }
        guard isNew else { return }
        let capacity = capacity
        Task.detached { [self] in
            let value = await fetch(key)
            let waiting = state.withLock { state -> [DispatchSemaphore] in
                if let value { Self.keep(value, for: key, in: &state, capacity: capacity) }
                state.inFlight.remove(key)
                return state.waiters.removeValue(forKey: key) ?? []
            }
            for semaphore in waiting { semaphore.signal() }
        }
    }

    /// The value for `key`, fetching it when unknown but waiting no later than `deadline`; nil
    /// when it did not come in time (or `fetch` is nil and nothing was fetched before).
    func value(for key: Key, fetch: Fetch?, deadline: DispatchTime) -> Value? {
        guard let fetch else { return cached(key) }
        let semaphore = DispatchSemaphore(value: 0)
        let known = state.withLock { state -> Value? in
            if let known = state.fetched[key] { return known }
            state.waiters[key, default: []].append(semaphore)
            return nil
        }
        if let known { return known }
        refresh(key, with: fetch)
        _ = semaphore.wait(timeout: deadline)
        return cached(key)
    }

    private static func keep(_ value: Value, for key: Key, in state: inout State, capacity: Int) {
        if state.fetched.updateValue(value, forKey: key) == nil { state.order.append(key) }
        while state.order.count > capacity { state.fetched[state.order.removeFirst()] = nil }
    }
}

/// The keys a completion round wanted but did not know, for a caller that fetches them itself.
final class MissLog<Key: Hashable & Sendable>: Sendable {
    private let keys = Mutex<Set<Key>>([])

    func add(_ key: Key) {
        keys.withLock { _ = $0.insert(key) }
    }

    /// The keys noted since the last call.
    func take() -> Set<Key> {
        keys.withLock { keys in
            defer { keys = [] }
            return keys
        }
    }
}
