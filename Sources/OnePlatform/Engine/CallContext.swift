import GRDB

/// What a procedure handler works with: the open transaction, the acting client and the time.
///
/// What every call of a request shares lives in one object (``Shared``): a context is copied for
/// each call and on into the handlers, and a copy then costs one reference, not one per field.
struct CallContext {
    /// What the calls of one request (or one script step, one timer firing) share.
    final class Shared {
        let db: Database
        let caller: ResourceRecord
        let grant: [String: Set<String>]?
        let changes: ChangeCollector
        let suspension: SuspensionSlot
        let ancestry: Ancestry
        let memory: ReaderMemory?

        init(
            db: Database, caller: ResourceRecord, grant: [String: Set<String>]?, changes: ChangeCollector, suspension: SuspensionSlot,
            ancestry: Ancestry, memory: ReaderMemory?
        ) {
            self.db = db
            self.caller = caller
            self.grant = grant
            self.changes = changes
            self.suspension = suspension
            self.ancestry = ancestry
            self.memory = memory
        }
    }

    private let shared: Shared
    /// The request's time in whole unix seconds.
    var now: Int
    /// The procedure this call runs, which token permissions and reach are checked against.
    var procedure = ""
    /// The call is its request's only one, run in a write transaction that holds nothing else: it
    /// needs no savepoint, since undoing the transaction undoes the call.
    var isLoneCall = false

    /// - Parameters:
    ///   - caller: the client the request acts as.
    ///   - grant: the procedures a token may call per RID; nil when the request came with a CIK.
    ///   - changes: where stored points are noted, so waiters hear of them once the request commits.
    ///   - suspension: where a `wait` leaves what it waits on when it cannot answer inside the transaction.
    ///   - ancestry: the parent links the request has loaded, shared by all its calls.
    ///   - memory: what the connection running a small request remembers from earlier requests on
    ///     an unchanged database (see ``ReaderMemory`` and ``WriterMemory``).
    init(
        db: Database, caller: ResourceRecord, now: Int, grant: [String: Set<String>]? = nil, changes: ChangeCollector = ChangeCollector(),
        suspension: SuspensionSlot = SuspensionSlot(), ancestry: Ancestry = Ancestry(), memory: ReaderMemory? = nil
    ) {
        shared = Shared(
            db: db, caller: caller, grant: grant, changes: changes, suspension: suspension, ancestry: ancestry, memory: memory)
        self.now = now
    }

    var db: Database { shared.db }
    /// The client the request acts as.
    var caller: ResourceRecord { shared.caller }
    /// The procedures a token may call per RID; nil when the request came with a CIK.
    var grant: [String: Set<String>]? { shared.grant }
    /// Where stored points are noted, so waiters hear of them once the request commits.
    var changes: ChangeCollector { shared.changes }
    /// Where a `wait` leaves what it waits on when it cannot answer inside the transaction.
    var suspension: SuspensionSlot { shared.suspension }
    /// The parent links the request has loaded, shared by all its calls.
    var ancestry: Ancestry { shared.ancestry }
    /// What the connection remembers from earlier requests; nil but for small requests.
    var memory: ReaderMemory? { shared.memory }

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
