import GRDB

extension Database {
    /// How a request's transaction begins: deferred for one that only reads, immediate for one
    /// that writes (so that two writers never both start and then collide at their first write).
    enum RequestTransactionKind {
        case reading
        case writing

        fileprivate var begin: String {
            switch self {
            case .reading: return "BEGIN DEFERRED"
            case .writing: return "BEGIN IMMEDIATE"
            }
        }
    }

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    ///
    /// The same as GRDB's `inTransaction` but with cached statements: a request of one call would
    /// otherwise compile `BEGIN` and `COMMIT` anew each time, which costs more than the call.
    /// Call it on a connection outside any transaction (`writeWithoutTransaction`, or one of the
    /// ``ReaderConnections``).
    func inRequestTransaction<T>(_ kind: RequestTransactionKind, _ body: () throws -> T) throws -> T {
        try cachedStatement(sql: kind.begin).execute()
        let value: T
        do {
            value = try body()
            try cachedStatement(sql: "COMMIT").execute()
        } catch {
            // SQLite may have rolled the transaction back already (a full disk, an I/O error).
            if isInsideTransaction { try? cachedStatement(sql: "ROLLBACK").execute() }
            throw error
        }
        return value
    }
}
