import GRDB
import Logging
import OnePJSON

/// Runs JSON-RPC requests against the platform database: bytes in, bytes out.
///
/// A whole request runs in one transaction: a read transaction when every call only reads, the
/// write transaction otherwise. Each changing call runs in its own savepoint, so a call that fails
/// halfway leaves nothing behind while the calls around it still commit.
struct RPCEngine: Sendable {
    let database: any DatabaseWriter
    let clock: any PlatformClock
    let table: ProcedureTable
    /// Where committed time series changes are announced to waiters.
    let changes: ChangeHub
    let logger: Logger

    func process(_ body: [UInt8]) async -> [UInt8] {
        let request: RPCRequest
        do {
            request = try RequestParser.parse(body)
        } catch {
            return error.body.utf8Bytes()
        }
        do {
            let answers = try await run(request)
            return answers.isEmpty ? [] : JSON.array(answers).utf8Bytes()
        } catch let error as RequestError {
            return error.body.utf8Bytes()
        } catch {
            logger.error("request failed", metadata: ["error": "\(error)"])
            return RequestError.internalFailure.body.utf8Bytes()
        }
    }

    private func run(_ request: RPCRequest) async throws -> [JSON] {
        let readOnly = request.calls.allSatisfy { table[$0.procedure]?.access == .reads }
        if readOnly {
            return try await database.read { db in try self.run(request, in: db) }
        }
        let collector = ChangeCollector()
        let answers = try await database.write { db in try self.run(request, in: db, collecting: collector) }
        // Only after the commit: a woken waiter must find the points when it reads.
        changes.publish(collector.drain())
        return answers
    }

    private func run(_ request: RPCRequest, in db: Database, collecting collector: ChangeCollector = ChangeCollector()) throws -> [JSON] {
        let now = clock.currentSecond
        let principal = try Authenticator.authenticate(request.auth, in: db, now: now)
        let context = CallContext(db: db, caller: principal.caller, now: now, grant: principal.grant, changes: collector)
        var answers: [JSON] = []
        answers.reserveCapacity(request.calls.count)
        for call in request.calls {
            let answer: JSON?
            if principal.isLocked {
                answer = call.id.map { CallFailure.locked.answer(id: $0) }
            } else {
                answer = try perform(call, in: context)
            }
            if let answer { answers.append(answer) }
        }
        return answers
    }

    /// Runs one call and returns its entry for the response, or nil when it has no id.
    private func perform(_ call: CallRequest, in context: CallContext) throws -> JSON? {
        let outcome: Result<JSON?, CallFailure>
        if let procedure = table[call.procedure] {
            if let arguments = call.arguments {
                outcome = try execute(procedure, Arguments(values: arguments), in: context)
            } else {
                outcome = .failure(.arguments("arguments must be a list"))
            }
        } else {
            outcome = .failure(.unknownProcedure(call.procedure))
        }
        guard let id = call.id else { return nil }
        switch outcome {
        case .success(let result):
            var object: JSONObject = ["id": id, "status": .string(CallStatus.ok.word)]
            if let result { object["result"] = result }
            return .object(object)
        case .failure(let failure):
            return failure.answer(id: id)
        }
    }

    private func execute(_ procedure: Procedure, _ arguments: Arguments, in request: CallContext) throws -> Result<JSON?, CallFailure> {
        let context = request.running(procedure)
        let run = {
            try context.authorizeProcedure(arguments)
            return try procedure.run(context, arguments)
        }
        guard procedure.access == .writes else {
            return capture(run)
        }
        var outcome: Result<JSON?, CallFailure> = .success(nil)
        try context.db.inSavepoint {
            outcome = capture(run)
            switch outcome {
            case .success: return .commit
            case .failure(let failure): return failure.keepsChanges ? .commit : .rollback
            }
        }
        return outcome
    }

    /// Runs a handler, turning any error into the call's failure; only call failures are expected.
    private func capture(_ body: () throws -> JSON?) -> Result<JSON?, CallFailure> {
        do {
            return .success(try body())
        } catch let failure as CallFailure {
            return .failure(failure)
        } catch {
            logger.error("call failed", metadata: ["error": "\(error)"])
            return .failure(.internalFailure)
        }
    }
}
