import GRDB

/// What a procedure handler works with: the open transaction, the acting client and the time.
struct CallContext {
    let db: Database
    /// The client the request acts as.
    let caller: ResourceRecord
    /// The request's time in whole unix seconds.
    var now: Int
    /// The procedure this call runs, which token permissions and reach are checked against.
    var procedure = ""
    /// The procedures a token may call per RID; nil when the request came with a CIK.
    var grant: [String: Set<String>]? = nil
    /// Where stored points are noted, so waiters hear of them once the request commits.
    var changes = ChangeCollector()
    /// Where a `wait` leaves what it waits on when it cannot answer inside the transaction.
    var suspension = SuspensionSlot()
    /// The parent links the request has loaded, shared by all its calls.
    var ancestry = Ancestry()
    /// What the connection running a small request remembers from earlier requests on an
    /// unchanged database (see ``ReaderMemory`` and ``WriterMemory``); nil elsewhere.
    var memory: ReaderMemory? = nil
    /// The call is its request's only one, run in a write transaction that holds nothing else: it
    /// needs no savepoint, since undoing the transaction undoes the call.
    var isLoneCall = false

    /// The resource with this canonical RID, or nil when there is none.
    func fetchResource(rid: String) throws -> ResourceRecord? {
        if let memory { return try memory.resource(rid: rid, in: db) }
        return try ResourceRecord.fetch(db, rid: rid)
    }

    /// This context for one call of `procedure`.
    func running(_ procedure: Procedure) -> CallContext {
        var context = self
        context.procedure = procedure.name
        return context
    }
}
