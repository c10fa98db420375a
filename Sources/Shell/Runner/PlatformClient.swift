import OneP
import OnePJSON
import Synchronization

/// The platform as a command reaches it: an ``RPCClient`` that also keeps the session's path cache
/// true after each change that succeeds, and notes that the command changed something.
struct PlatformClient: Sendable {
    let rpc: RPCClient
    /// The RID `{"alias": ""}` stands for in these calls: the client they act as.
    let me: String?
    let paths: PathCache?
    let effects: CommandEffects

    var transport: any Transport { rpc.transport }
    var auth: Auth { rpc.auth }

    /// The same platform with other credentials, acting as the client `me`.
    func with(auth: Auth, me: String?) -> PlatformClient {
        PlatformClient(rpc: rpc.with(auth: auth), me: me, paths: paths, effects: effects)
    }

    /// Makes one call.
    /// - Returns: the call's result, `nil` for procedures that answer none.
    /// - Throws: ``OnePError``: request-level refusal, the call's non-`ok` status, transport failure or malformed answer.
    func call(_ call: Call) async throws -> JSON? {
        try await batch([call])[0].get()
    }

    /// Makes any number of calls in one request.
    /// - Throws: ``OnePError`` only when the request as a whole failed; failed calls are in their results.
    func batch(_ calls: [Call]) async throws -> [CallResult] {
        let results = try await rpc.batch(calls)
        if results.contains(where: { $0.status.isOK && !PlatformClient.readOnly.contains($0.call.procedure) }) {
            effects.note(.changed)
            paths?.apply(results, me: me)
        }
        return results
    }

    /// Procedures that change nothing on the platform.
    static let readOnly: Set = ["read", "info", "listing", "lookup", "wait", "usage"]
}

/// What a command has done so far that cannot be undone by running it again: changed the platform,
/// printed, or read standard input. The runner runs a command again after a refusal of a stale
/// path only when it has done none of these.
final class CommandEffects: Sendable {
    struct Effect: OptionSet, Sendable {
        let rawValue: UInt8
        static let changed = Effect(rawValue: 1)
        static let printed = Effect(rawValue: 2)
        static let consumedInput = Effect(rawValue: 4)
    }

    private let done = Atomic<UInt8>(0)

    func note(_ effect: Effect) {
        done.bitwiseOr(effect.rawValue, ordering: .relaxed)
    }

    /// The texts of the times printed through a ``RowSink``, kept while a transcript is recorded
    /// so it names them as it names the times of returned output.
    let streamedTimes = Mutex<Set<String>?>(nil)

    /// Whether running the command again would repeat nothing.
    var isRepeatable: Bool { done.load(ordering: .relaxed) == 0 }
}
