import GRDB
import Logging

/// Answers the HTTP Data Interface: a device names its dataports by alias and presents its CIK in
/// `X-Exosite-CIK`. Writes, reads and long polls share the RPC engine's storage, change feed and clock.
struct DataInterfaceEngine: Sendable {
    let database: any DatabaseWriter
    let clock: any PlatformClock
    let changes: ChangeHub
    let logger: Logger
    /// Ends a suspended long poll early (see ``WaitRelease``).
    var release: WaitRelease? = nil

    static let aliasPath = "/onep:v1/stack/alias"
    static let recordPath = "/onep:v1/stack/record"

    func process(_ request: DataInterfaceRequest) async -> DataInterfaceResponse {
        do {
            return try await route(request)
        } catch let failure as DataInterfaceFailure {
            return failure.response
        } catch is CancellationError {
            // A long poll whose client went away (or the task was cancelled): nobody reads this.
            return .notModified
        } catch {
            logger.error("data interface request failed", metadata: ["error": "\(error)"])
            return .text("internal error", status: 500)
        }
    }

    private func route(_ request: DataInterfaceRequest) async throws -> DataInterfaceResponse {
        let method = request.method.uppercased()
        switch request.path {
        case "/timestamp":
            guard method == "GET" else { throw DataInterfaceFailure.methodNotAllowed(allowed: "GET") }
            return .text(String(clock.currentSecond))
        case "/ip":
            guard method == "GET" else { throw DataInterfaceFailure.methodNotAllowed(allowed: "GET") }
            return try ipAnswer(request.serverAddress)
        case Self.aliasPath:
            let reads = try Self.fields(FormFields(request.query), in: "query").pairs.map(\.name)
            if method == "GET" {
                if let timeout = request.header("Request-Timeout") {
                    return try await longPoll(request, aliases: reads, timeout: timeout)
                }
                return try await exchange(request, writes: [], reads: reads)
            }
            guard method == "POST" else { throw DataInterfaceFailure.methodNotAllowed(allowed: "GET, POST") }
            return try await exchange(request, writes: try Self.fields(FormFields(bytes: request.body), in: "body").pairs, reads: reads)
        case Self.recordPath:
            guard method == "POST" else { throw DataInterfaceFailure.methodNotAllowed(allowed: "POST") }
            return try await record(request, entries: try RecordEntries(recordBody: try Self.fields(FormFields(bytes: request.body), in: "body")))
        default:
            guard request.path.hasPrefix(Self.aliasPath + "/") else { throw DataInterfaceFailure.notFound }
            guard method == "POST" else { throw DataInterfaceFailure.methodNotAllowed(allowed: "POST") }
            let encoded = request.path.dropFirst(Self.aliasPath.count + 1)
            guard let alias = String(encoded).removingPercentEncoding, !alias.isEmpty else {
                throw DataInterfaceFailure.badRequest("the path names no alias")
            }
            guard !RefusedValues.holdsNUL(alias) else { throw Self.refusedText("path") }
            return try await record(
                request, entries: try RecordEntries(alias: alias, body: try Self.fields(FormFields(bytes: request.body), in: "body")))
        }
    }

    /// Decoded form fields, refused when any holds U+0000 or bytes that are not UTF-8 (see ``RefusedValues``).
    private static func fields(_ form: FormFields, in part: String) throws -> FormFields {
        guard !form.holdsRefusedText else { throw refusedText(part) }
        return form
    }

    private static func refusedText(_ part: String) -> DataInterfaceFailure {
        .badRequest("the \(part) holds %00 (U+0000) or bytes that are not UTF-8, which no alias or value may contain")
    }

    /// `a,b,c,d,p1,p2`: the four bytes of the server's IPv4 address and the two of its port.
    private func ipAnswer(_ address: DataInterfaceRequest.Address?) throws -> DataInterfaceResponse {
        let host = address.map { $0.host.hasPrefix("::ffff:") ? String($0.host.dropFirst(7)) : $0.host }
        let parts = host?.split(separator: ".").compactMap { UInt8($0) } ?? []
        guard let address, parts.count == 4, (0...65535).contains(address.port) else {
            throw DataInterfaceFailure.notFound
        }
        let numbers = parts.map(String.init) + [String(address.port >> 8), String(address.port & 0xFF)]
        return .text(numbers.joined(separator: ","))
    }
}

// MARK: - Sessions

extension DataInterfaceEngine {
    /// The device presenting the request's CIK, as the context its calls run in.
    func session(_ request: DataInterfaceRequest, in db: Database, collecting collector: ChangeCollector) throws -> CallContext {
        let cik = request.header("X-Exosite-CIK")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !cik.isEmpty, !RefusedValues.holdsNUL(cik) else { throw DataInterfaceFailure.unauthorized }
        let now = clock.currentSecond
        let principal: Authenticator.Principal
        do {
            principal = try Authenticator.authenticate(.cik(cik, acting: .itself), in: db, now: now)
        } catch is RequestError {
            throw DataInterfaceFailure.unauthorized
        }
        guard !principal.isLocked else { throw DataInterfaceFailure.locked }
        return CallContext(db: db, caller: principal.caller, now: now, changes: collector)
    }

    /// Runs `body` in the write transaction and announces the points it stored once it committed.
    func writing<T: Sendable>(_ body: @escaping @Sendable (Database, ChangeCollector) throws -> T) async throws -> T {
        let collector = ChangeCollector()
        let changes = changes
        let result = try await database.write { db in
            try changes.storing(collector, in: db) { try body(db, collector) }
        }
        changes.publish(collector.drain())
        return result
    }
}
