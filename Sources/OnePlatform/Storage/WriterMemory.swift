import GRDB

/// What the writing connection remembers from request to request, as each of the
/// ``ReaderConnections`` does (see ``ReaderMemory``): the client each CIK authenticates as, the
/// resources named and their parents. A single-call write would otherwise look them up again
/// every time, which costs a third of the request.
///
/// A reader connection never commits, so `PRAGMA data_version` alone tells it when to forget. The
/// writer's own commits do not move that number, so temporary triggers on `resource` (this
/// connection's alone) tell it of every row it inserts, changes or deletes, whoever runs the
/// statement: a call, a script, provisioning, a datarule. From that moment the memory stands aside
/// for the rest of the transaction, whether it commits or rolls back, and it is emptied when the
/// next request begins. Commits of other processes move `data_version` as they do for readers.
final class WriterMemory: @unchecked Sendable {
    // Unchecked: used only on the writing connection, which runs one statement at a time.
    let memory = ReaderMemory()
    private var schemaVersion: Int32?

    /// The SQL function the triggers call.
    private static let functionName = "onep_resource_changed"

    init() {}

    /// Makes the writing connection report every change to a resource to this memory.
    func watch(_ db: Database) throws {
        db.add(
            function: DatabaseFunction(Self.functionName, argumentCount: 0, pure: false) { _ in
                self.memory.standsAside = true
                return nil
            })
        try createTriggers(db)
        schemaVersion = try db.schemaVersion()
    }

    /// The memory for a request whose transaction just began on the writing connection, emptied if
    /// anything changed a resource since the last request began.
    func begin(in db: Database) throws -> ReaderMemory {
        if try memory.startRequest(in: db) {
            // Another process may have migrated the file, rebuilding the table and its triggers.
            let schema = try db.schemaVersion()
            if schema != schemaVersion {
                try createTriggers(db)
                schemaVersion = schema
            }
        }
        return memory
    }

    private func createTriggers(_ db: Database) throws {
        for event in ["insert", "update", "delete"] {
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER IF NOT EXISTS onep_memory_\(event) AFTER \(event.uppercased()) ON main.resource
                    BEGIN SELECT \(Self.functionName)(); END
                    """)
        }
    }
}
