import GRDB
import Logging
import OnePJSON

/// Runs JSON-RPC requests against the platform database: bytes in, bytes out.
///
/// A request runs in one transaction (a read transaction when every call only reads, the write
/// transaction otherwise), except that a `wait` with nothing to answer yet ends it and suspends
/// outside; see ``run(_:)``. Each changing call runs in its own savepoint, so a call that fails
/// halfway leaves nothing behind while the calls around it still commit.
///
/// A small request runs its transaction on the thread of the task that sent it: handing it to the
/// database's queue and back costs more than the work of a call or two. A larger one is handed
/// over, so that a long transaction waits and runs off the few threads that run every task.
struct RPCEngine: Sendable {
    /// The largest request body that runs on the calling thread, some dozens of calls.
    static let inlineBodyLimit = 4_096

    let database: any DatabaseWriter
    /// Read-only connections for small requests that only read; nil in memory.
    var readers: ReaderConnections? = nil
    /// What the writing connection remembers between small requests.
    var writerMemory: WriterMemory? = nil
    /// The write transactions of requests sent through the database's queue, waiting or running.
    let longWrites = LongWrites()
    let clock: any PlatformClock
    let table: ProcedureTable
    /// Where committed time series changes are announced to waiters.
    let changes: ChangeHub
    let logger: Logger

    /// - Parameters:
    ///   - limits: what the request may ask; past them it is refused whole.
    ///   - release: ends a suspended `wait` early (see ``WaitRelease``).
    func process(_ body: [UInt8], limits: RPCLimits = .standard, release: WaitRelease? = nil) async -> [UInt8] {
        let request: RPCRequest
        do {
            request = try RequestParser.parse(body, limits: limits)
        } catch {
            return error.body.utf8Bytes()
        }
        do {
            return try await run(request, inline: body.count <= Self.inlineBodyLimit, release: release).finished()
        } catch let error as RequestError {
            return error.body.utf8Bytes()
        } catch is CancellationError {
            // Only a wait suspends, and its client has gone away (or the task was cancelled): nobody reads the answer.
            return []
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)"])
            return RequestError.internalFailure.body.utf8Bytes()
        }
    }

    /// Runs the calls in order. A `wait` that must suspend splits the request: the calls before
    /// it and its own checks run in one transaction, which then ends (committing what those calls
    /// wrote and announcing it); the wait suspends outside any transaction; the calls after it run
    /// in a new transaction. Each transaction authenticates afresh and uses its own time.
    private func run(_ request: RPCRequest, inline: Bool, release: WaitRelease?) async throws -> AnswerList {
        var answers = AnswerList()
        var next = 0
        repeat {
            let segment: Segment
            do {
                // A small write waits for a large one off the calling thread (see ``LongWrites``).
                let now = inline && (!longWrites.inFlight || readsOnly(request, from: next))
                segment = now ? try runSegmentNow(request, from: next) : try await runSegment(request, from: next)
            } catch is RequestError where next > 0 {
                // The credentials stopped working during a wait, but what ran before it committed:
                // answer that, and refuse the calls left.
                for call in request.calls[next...] {
                    if let id = call.id { answers.append(.failure(.status(.noauth)), id: id) }
                }
                return answers
            }
            answers.append(contentsOf: segment.answers)
            next = segment.next
            if let suspended = segment.suspended {
                let deadline = clock.now() + suspended.wait.timeoutMilliseconds / 1000
                let point = try await waiter.answer(suspended.wait, seen: suspended.seen, deadline: deadline, release: release)
                let outcome: Result<JSON?, CallFailure> =
                    point.map { .success(WaitProcedure.answer($0, format: suspended.wait.format)) } ?? .failure(.status(.expire))
                if let id = suspended.id { answers.append(outcome, id: id) }
            }
        } while next < request.calls.count
        return answers
    }

    /// Calls run in one transaction, up to the end of the request or a wait that must suspend.
    private struct Segment {
        var answers = AnswerList()
        /// The index of the first call not run yet.
        var next: Int
        var suspended: (wait: PendingWait, seen: UInt64, id: JSON?)? = nil
    }

    private func runSegment(_ request: RPCRequest, from start: Int) async throws -> Segment {
        if readsOnly(request, from: start) {
            return try await database.read { db in try self.runSegment(request, from: start, in: db, collecting: ChangeCollector()) }
        }
        let collector = ChangeCollector()
        let segment = try await longWrites.counting {
            try await database.write { db in
                try changes.storing(collector, in: db) { try self.runSegment(request, from: start, in: db, collecting: collector) }
            }
        }
        // Only after the commit: a woken waiter must find the points when it reads.
        changes.publish(collector.drain())
        return segment
    }

    /// ``runSegment(_:from:)`` on the calling thread, its transaction begun and ended with cached
    /// statements (see ``Database/inRequestTransaction(_:_:)``).
    private func runSegmentNow(_ request: RPCRequest, from start: Int) throws -> Segment {
        if readsOnly(request, from: start) {
            let run = { (db: Database, memory: ReaderMemory?) in
                try self.runSegment(request, from: start, in: db, collecting: ChangeCollector(), memory: memory)
            }
            if let readers, let segment = try readers.read(run) { return segment }
            return try database.read { db in try run(db, nil) }
        }
        let collector = ChangeCollector()
        // A request of one call needs no savepoint: its transaction holds nothing else to keep.
        let lone = start == 0 && request.calls.count == 1
        let segment: Segment
        do {
            segment = try database.writeWithoutTransaction { db in
                try db.inRequestTransaction(.writing) {
                    let memory = try writerMemory?.begin(in: db)
                    // As on the queued path: other processes learn of the points from the change log.
                    return try changes.storing(collector, in: db) {
                        try self.runSegment(request, from: start, in: db, collecting: collector, memory: memory, lone: lone)
                    }
                }
            }
        } catch let undone as LoneCallUndone {
            // The transaction rolled back, and with it everything the call did.
            var segment = Segment(next: request.calls.count)
            if let id = request.calls[start].id { segment.answers.append(undone.outcome, id: id) }
            return segment
        }
        changes.publish(collector.drain())
        return segment
    }

    /// Thrown by the only call of a request that failed, so that the request's transaction (which
    /// holds nothing but that call) rolls back as the call's savepoint would have.
    private struct LoneCallUndone: Error {
        let outcome: Result<JSON?, CallFailure>
    }

    /// Whether the calls from `start` on may share a read transaction.
    private func readsOnly(_ request: RPCRequest, from start: Int) -> Bool {
        // A wait notes what it has seen of the change feed. In a read snapshot a point committed after
        // the snapshot began could already count as seen; the write transaction follows every commit.
        let waits = request.calls[start...].contains { $0.procedure == WaitProcedure.name }
        return !waits && request.calls[start...].allSatisfy { table[$0.procedure]?.access == .reads }
    }

    /// - Parameter memory: what the connection remembers from earlier requests, for a small request.
    /// - Parameter lone: the request's only call runs in the transaction without a savepoint of its own.
    private func runSegment(
        _ request: RPCRequest, from start: Int, in db: Database, collecting collector: ChangeCollector, memory: ReaderMemory? = nil,
        lone: Bool = false
    ) throws -> Segment {
        let now = clock.currentSecond
        let authenticate = { try Authenticator.authenticate(request.auth, in: db, now: now) }
        let principal = try memory?.principal(request.auth, authenticate: authenticate) ?? authenticate()
        let slot = SuspensionSlot()
        var context = CallContext(
            db: db, caller: principal.caller, now: now, grant: principal.grant, changes: collector, suspension: slot,
            ancestry: memory?.ancestry ?? Ancestry(), memory: memory)
        context.isLoneCall = lone
        var segment = Segment(next: request.calls.count)
        for index in request.calls.indices where index >= start {
            let call = request.calls[index]
            if principal.isLocked {
                if let id = call.id { segment.answers.append(.failure(.locked), id: id) }
                continue
            }
            let mark = segment.answers.mark
            try perform(call, in: context, into: &segment.answers)
            if let wait = slot.take() {
                // The wait answers once it ends, after the transaction.
                segment.answers.rollBack(to: mark)
                // Noted inside the write transaction, after every earlier commit (other processes'
                // too): only changes published from here on end the wait.
                try changes.catchUp(in: db)
                segment.suspended = (wait, changes.version(of: wait.resource), call.id)
                segment.next = index + 1
                return segment
            }
        }
        return segment
    }

    private var waiter: Waiter {
        Waiter(database: database, clock: clock, changes: changes)
    }

    /// Runs one call and appends its entry for the response, unless it has no id.
    private func perform(_ call: CallRequest, in context: CallContext, into answers: inout AnswerList) throws {
        if let id = call.id, let procedure = table[call.procedure], let write = procedure.write, let arguments = call.arguments {
            try writeDirectly(write, procedure, Arguments(values: arguments), id: id, in: context, into: &answers)
            return
        }
        let outcome = try outcome(of: call.procedure, arguments: call.arguments, in: context)
        if let id = call.id { answers.append(outcome, id: id) }
    }

    /// What one call of the procedure `name` comes to for the context's caller. Scripts call
    /// procedures through here too, so they meet the same checks as requests.
    func outcome(of name: String, arguments: [JSON]?, in context: CallContext) throws -> Result<JSON?, CallFailure> {
        guard let procedure = table[name] else { return .failure(.unknownProcedure(name)) }
        guard let arguments else { return .failure(.arguments("arguments must be a list")) }
        return try execute(procedure, Arguments(values: arguments), in: context)
    }

    /// Runs a reading call whose procedure writes its result as text straight into the answers.
    private func writeDirectly(
        _ write: Procedure.Writer, _ procedure: Procedure, _ arguments: Arguments, id: JSON, in request: CallContext,
        into answers: inout AnswerList
    ) throws {
        let context = request.running(procedure)
        do {
            try arguments.refuseUnstorable()
            try answers.appendOK(id: id) { bytes in
                try context.authorizeProcedure(arguments)
                try write(context, arguments, &bytes)
            }
        } catch let failure as CallFailure {
            answers.append(.failure(failure), id: id)
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            logger.error("call failed", metadata: ["error": "\(error)"])
            answers.append(.failure(.internalFailure), id: id)
        }
    }

    private func execute(_ procedure: Procedure, _ arguments: Arguments, in request: CallContext) throws -> Result<JSON?, CallFailure> {
        let context = request.running(procedure)
        let run = {
            try arguments.refuseUnstorable()
            try context.authorizeProcedure(arguments)
            return try procedure.run(context, arguments)
        }
        guard procedure.access == .writes else {
            return try capture(run)
        }
        // Records a run of creates read whole may change from here on.
        if procedure.name != "create" { request.ancestry.forgetRecords() }
        if request.isLoneCall {
            let outcome = try capture(run)
            if case .failure(let failure) = outcome, !failure.keepsChanges { throw LoneCallUndone(outcome: outcome) }
            return outcome
        }
        var outcome: Result<JSON?, CallFailure> = .success(nil)
        try context.db.inCallSavepoint {
            outcome = try capture(run)
            switch outcome {
            case .success: return true
            case .failure(let failure): return failure.keepsChanges
            }
        }
        return outcome
    }

    /// Runs a handler, turning any error into the call's failure; only call failures are expected.
    /// A cancelled task (its client went away) is no failure of the call: the request ends unanswered.
    private func capture(_ body: () throws -> JSON?) throws(CancellationError) -> Result<JSON?, CallFailure> {
        do {
            return .success(try body())
        } catch let failure as CallFailure {
            return .failure(failure)
        } catch let cancellation as CancellationError {
            throw cancellation
        } catch {
            logger.error("call failed", metadata: ["error": "\(error)"])
            return .failure(.internalFailure)
        }
    }
}
