import OnePJSON

/// One RPC procedure: its name, whether it changes anything, and the code that runs it.
struct Procedure: Sendable {
    enum Access: Sendable {
        /// Only reads; a request made of such calls runs in a read transaction.
        case reads
        /// Changes the database; runs in the request's write transaction.
        case writes
    }

    typealias Handler = @Sendable (CallContext, Arguments) throws -> JSON?
    /// Appends the call's result to the answer as JSON text.
    typealias Writer = @Sendable (CallContext, Arguments, inout [UInt8]) throws -> Void

    let name: String
    let access: Access
    /// Returns the call's result, or nil for a procedure that answers only a status.
    let run: Handler
    /// For a reading procedure with large results: the same result as ``run``, written as text
    /// straight into the request's answer instead of built as a value first. The RPC engine uses
    /// it when present; `run` serves every other caller.
    let write: Writer?

    init(name: String, access: Access, run: @escaping Handler, write: Writer? = nil) {
        precondition(write == nil || access == .reads, "only a reading procedure writes its answer directly")
        self.name = name
        self.access = access
        self.run = run
        self.write = write
    }
}

/// The procedures the platform answers, by name. It drives dispatch and lists the names.
struct ProcedureTable: Sendable {
    private let byName: [String: Procedure]
    /// The procedure names in declaration order.
    let names: [String]

    init(_ procedures: [Procedure]) {
        #if DEBUG
            var seen = Set<String>()
            for procedure in procedures {
                precondition(seen.insert(procedure.name).inserted, "procedure \(procedure.name) is declared twice")
            }
        #endif
        byName = Dictionary(procedures.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        names = procedures.map(\.name)
    }

    subscript(name: String) -> Procedure? {
        byName[name]
    }
}

extension ProcedureTable {
    /// Every procedure of the JSON-RPC API.
    static let standard = ProcedureTable(
        [
            Procedure(name: "create", access: .writes, run: CreateProcedure.run),
            Procedure(name: "info", access: .reads, run: InfoProcedure.run),
            Procedure(name: "listing", access: .reads, run: ListingProcedure.run, write: ListingProcedure.write),
            Procedure(name: "update", access: .writes, run: UpdateProcedure.run),
            Procedure(name: "drop", access: .writes, run: DropProcedure.run),
            Procedure(name: "map", access: .writes, run: AliasProcedures.map),
            Procedure(name: "unmap", access: .writes, run: AliasProcedures.unmap),
            Procedure(name: "lookup", access: .reads, run: AliasProcedures.lookup),
            Procedure(name: "read", access: .reads, run: ReadProcedure.run, write: ReadProcedure.write),
            Procedure(name: "write", access: .writes, run: WriteProcedures.write),
            Procedure(name: "writegroup", access: .writes, run: WriteProcedures.writegroup),
            Procedure(name: "record", access: .writes, run: RecordProcedures.record),
            Procedure(name: "recordbatch", access: .writes, run: RecordProcedures.recordbatch),
            Procedure(name: "flush", access: .writes, run: FlushProcedure.run),
            Procedure(name: "usage", access: .reads, run: UsageProcedure.run),
            Procedure(name: "move", access: .writes, run: MoveProcedure.run),
            Procedure(name: "share", access: .writes, run: ShareProcedure.run),
            Procedure(name: "activate", access: .writes, run: ActivationProcedures.activate),
            Procedure(name: "deactivate", access: .writes, run: ActivationProcedures.deactivate),
            Procedure(name: "revoke", access: .writes, run: RevokeProcedure.run),
            Procedure(name: "grant", access: .writes, run: GrantProcedure.run),
            Procedure(name: "tag", access: .writes, run: TagProcedure.run),
            Procedure(name: "comment", access: .writes, run: CommentProcedure.run),
            Procedure(name: WaitProcedure.name, access: .reads, run: WaitProcedure.run),
        ]
    )
}
