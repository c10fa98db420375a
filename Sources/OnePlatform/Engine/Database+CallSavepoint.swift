import GRDB

extension Database {
    /// Runs one changing call inside a savepoint of the request's transaction; what the call did
    /// stays when `body` answers true and is undone when it answers false or throws.
    ///
    /// The same as GRDB's `inSavepoint` but with cached statements: a batch of a thousand writes
    /// would otherwise compile its savepoint statements two thousand times.
    func inCallSavepoint(_ body: () throws -> Bool) throws {
        try cachedStatement(sql: "SAVEPOINT call").execute()
        let keeps: Bool
        do {
            keeps = try body()
        } catch {
            try? undoCall()
            throw error
        }
        if keeps {
            try cachedStatement(sql: "RELEASE SAVEPOINT call").execute()
        } else {
            try undoCall()
        }
    }

    private func undoCall() throws {
        // Rolling back to a savepoint keeps it open; releasing it then ends it.
        try cachedStatement(sql: "ROLLBACK TO SAVEPOINT call").execute()
        try cachedStatement(sql: "RELEASE SAVEPOINT call").execute()
    }
}
