import GRDB

/// What one of the ``ReaderConnections`` remembers from request to request while nothing changes
/// the database: the client each CIK authenticates as, the resources named by RID and the parent
/// links met on the way to the caller.
///
/// For a small read (one `read` or `info`) finding these costs more than the rest of the request
/// together: looking the key up, the resource up, and its chain of parents up to the caller.
///
/// Any commit of any other connection (this process's writer, another process on the directory)
/// makes it forget everything: ``ReaderConnections`` compares SQLite's `PRAGMA data_version`
/// inside each request's transaction, and a reader connection never commits anything itself. So
/// what it remembers is what the transaction would read anyway: a regenerated, dropped, moved or
/// locked client is seen by the very next request. Only a CIK acting as itself is remembered;
/// tokens expire with the clock, and the other forms are rare.
///
/// The writing connection keeps one too, for small writes, with the subscribers of each resource
/// written; ``WriterMemory`` says when it forgets.
final class ReaderMemory {
    /// The most keys, resources (and parent links) kept; past it they are forgotten and read
    /// again. Each resource holds its description, so a few connections together stay at a few
    /// megabytes however large the tree.
    static let capacity = 1_024

    /// The `data_version` of the database when this was last emptied; nil before the first request.
    private var dataVersion: Int64?
    /// Set on the writing connection once its transaction has changed a resource (see
    /// ``WriterMemory``): until the memory is emptied, everything is looked up afresh.
    var standsAside = false
    /// The parent links met, shared by the requests while the database is unchanged.
    private(set) var ancestry = Ancestry()
    private var principals: [String: Authenticator.Principal] = [:]
    private var resources: [String: ResourceRecord] = [:]
    /// The resources subscribed to each resource written, by its row id.
    private var subscribers: [Int64: [ResourceRecord]] = [:]

    init() {}

    /// Empties the memory when something changed the database since the last request began:
    /// another connection committed (SQLite's `PRAGMA data_version` moved), or, on the writing
    /// connection, one of its own statements changed a resource (``standsAside``). Call it inside
    /// the request's transaction; answers whether the memory was emptied.
    func startRequest(in db: Database) throws -> Bool {
        let version = try DirectStatement.dataVersion(db)
        guard standsAside || version != dataVersion else { return false }
        forget()
        standsAside = false
        dataVersion = version
        return true
    }

    /// Forgets everything: the database changed.
    func forget() {
        principals.removeAll(keepingCapacity: true)
        resources.removeAll(keepingCapacity: true)
        subscribers.removeAll(keepingCapacity: true)
        ancestry = Ancestry()
    }

    /// The principal of a request authenticated with `auth`, remembered for a CIK acting as itself.
    func principal(_ auth: AuthForm, authenticate: () throws -> Authenticator.Principal) throws -> Authenticator.Principal {
        guard case .cik(let cik, .itself) = auth, !standsAside else { return try authenticate() }
        if let known = principals[cik] { return known }
        let principal = try authenticate()
        if principals.count >= Self.capacity { principals.removeAll(keepingCapacity: true) }
        principals[cik] = principal
        return principal
    }

    /// The resource with this (canonical) RID, or nil when there is none; only found ones are remembered.
    func resource(rid: String, in db: Database) throws -> ResourceRecord? {
        if standsAside { return try ResourceRecord.fetch(db, rid: rid) }
        if let known = resources[rid] { return known }
        guard let found = try ResourceRecord.fetch(db, rid: rid) else { return nil }
        if resources.count >= Self.capacity || ancestry.linkCount >= Self.capacity {
            resources.removeAll(keepingCapacity: true)
            ancestry = Ancestry()
        }
        resources[rid] = found
        return found
    }

    /// The resources subscribed to `source` (whose time series they take in).
    func subscribers(of source: ResourceRecord, in db: Database) throws -> [ResourceRecord] {
        if standsAside { return try Propagation.subscribers(of: source, in: db) }
        if let known = subscribers[source.key] { return known }
        let found = try Propagation.subscribers(of: source, in: db)
        if subscribers.count >= Self.capacity { subscribers.removeAll(keepingCapacity: true) }
        subscribers[source.key] = found
        return found
    }
}
