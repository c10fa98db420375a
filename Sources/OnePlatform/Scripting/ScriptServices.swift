import GRDB
import Logging
import OnePJSON

/// What scripts reach the platform through: the database, the clock and the same procedure
/// table, access checks and change feed the RPC engine uses.
struct ScriptServices: Sendable {
    let database: any DatabaseWriter
    let clock: any PlatformClock
    let engine: RPCEngine
    let logger: Logger

    var changes: ChangeHub { engine.changes }

    /// Runs `body` in one transaction on behalf of the script `key`, then announces the points
    /// it stored. A script call never holds a transaction beyond one call.
    ///
    /// - Throws: ``ScriptGone`` when the script's datarule (or its owner) no longer exists.
    func transaction<T>(for key: Int64, writes: Bool, _ body: (ScriptScope) throws -> T) throws -> T {
        let collector = ChangeCollector()
        let now = clock.currentSecond
        let engine = engine
        let changes = changes
        let work = { (db: Database) throws -> T in
            guard let script = try ResourceRecord.fetch(db, id: key), let ownerID = script.parentID,
                let owner = try ResourceRecord.fetch(db, id: ownerID)
            else { throw ScriptGone() }
            let result = try body(ScriptScope(db: db, script: script, owner: owner, now: now, collector: collector, engine: engine))
            if writes { try changes.log(collector, in: db) }
            return result
        }
        let result = writes ? try database.write(work) : try database.read(work)
        changes.publish(collector.drain())
        return result
    }
}

/// The script's datarule is gone (dropped, or its owner dropped): the script ends silently.
struct ScriptGone: Error {}

/// One transaction of a script: the script's datarule, the client that owns it, and the time.
struct ScriptScope {
    let db: Database
    let script: ResourceRecord
    let owner: ResourceRecord
    let now: Int
    let collector: ChangeCollector
    let engine: RPCEngine

    /// A call context acting as the owner, as a request with the owner's CIK would.
    var context: CallContext {
        CallContext(db: db, caller: owner, now: now, changes: collector)
    }

    /// Runs one RPC procedure as the owner, or as `client` (a client below the owner, as a
    /// request acting with `client_id` would), with exactly the checks a request gets.
    func call(
        _ procedure: String, _ arguments: [JSON], as client: ResourceRecord? = nil, suspension: SuspensionSlot? = nil
    ) throws -> Result<JSON?, CallFailure> {
        let caller = client ?? owner
        if caller.key != owner.key, try !ResourceRecord.isWithin(db, caller, of: owner) { return .failure(.restricted) }
        if Authenticator.Principal(caller: caller, keyHolder: owner).isLocked { return .failure(.locked) }
        let context = CallContext(db: db, caller: caller, now: now, changes: collector, suspension: suspension ?? SuspensionSlot())
        return try engine.outcome(of: procedure, arguments: arguments, in: context)
    }
}

extension CallFailure {
    /// The word a script sees for this failure: the call's status, or `badarg` for arguments
    /// of the wrong shape.
    var scriptWord: String {
        let answer = self.answer(id: .null)
        guard let status = answer["status"]?.stringValue else { return CallStatus.invalid.word }
        guard status == CallStatus.fail.word else { return status }
        return answer["error"]?["context"]?.stringValue == "arguments" ? CallStatus.badarg.word : CallStatus.error.word
    }
}
