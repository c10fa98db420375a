import OnePJSON

/// Whether an answer to a JSON-RPC request is one rpc.md documents for it: the request-level
/// error object, or one entry per call with an id, in order, each with a documented status.
enum RPCOracle {
    static let statuses: Set<String> = [
        "ok", "invalid", "restricted", "noauth", "expire", "error", "locked", "badarg", "inuse", "notfound", "limit", "fail",
    ]
    static let requestCodes: Set<Int> = [-1, 400, 401]
    static let contexts: Set<String> = ["arguments", "auth", "calls", "procedure"]

    /// Nil when `answer` is a documented answer to `request`, otherwise what is wrong with it.
    static func check(request: [UInt8], answer: [UInt8]) -> String? {
        let sent = try? JSON(parsing: request)
        let answered = sent?["calls"]?.arrayValue?.filter { call in call["id"].map { !$0.isNull } ?? false }
        let ids = answered?.compactMap { $0["id"] }
        if answer.isEmpty {
            guard sent?.objectValue != nil, let ids, ids.isEmpty else { return "an empty answer to a request whose calls have ids" }
            return nil
        }
        let received: JSON
        do {
            received = try JSON(parsing: answer)
        } catch {
            return "the answer is not JSON: \(error)"
        }
        switch received {
        case .object(let object):
            return requestError(object)
        case .array(let entries):
            guard let ids else { return "a list answered a request that has no list of calls" }
            guard entries.count == ids.count else { return "\(entries.count) answers for \(ids.count) calls with ids" }
            for (entry, call) in zip(entries, answered ?? []) {
                if let problem = callAnswer(entry, id: call["id"] ?? .null, procedure: call["procedure"]?.stringValue ?? "") { return problem }
            }
            return nil
        default:
            return "the answer is neither a list nor an error object"
        }
    }

    private static func requestError(_ object: JSONObject) -> String? {
        guard object.keys == ["error"], let error = object["error"]?.objectValue else { return "an object answer that is not {\"error\": ...}" }
        guard let code = error["code"]?.intValue, requestCodes.contains(code) else {
            return "request-level error code \(error["code"]?.serialized() ?? "missing") is not one rpc.md lists for a bad request"
        }
        guard error["message"]?.stringValue != nil else { return "a request-level error without a message" }
        if let context = error["context"], !(context.stringValue.map(contexts.contains) ?? false) {
            return "request-level error context \(context.serialized()) is not documented"
        }
        return nil
    }

    private static func callAnswer(_ entry: JSON, id: JSON, procedure: String) -> String? {
        guard let object = entry.objectValue else { return "a call answer that is not an object" }
        guard object["id"] == id else { return "a call answer with id \(object["id"]?.serialized() ?? "none") where \(id.serialized()) was sent" }
        guard Set(object.keys).isSubset(of: ["id", "status", "result", "error"]) else { return "a call answer with keys \(object.keys)" }
        switch object["status"] {
        case .string(let status)?:
            guard statuses.contains(status) else { return "undocumented status \(status)" }
            if status == "ok" { return ResultShapes.check(procedure, object["result"]) }
            guard status == "fail" else { return nil }
            guard let error = object["error"]?.objectValue, error["code"] == 501, error["message"]?.stringValue != nil,
                error["context"].map({ $0 == "arguments" || $0 == "procedure" }) ?? false
            else { return "a failed call whose error is not a 501 for its arguments or procedure: \(entry.serialized())" }
            return nil
        case .array(let points)?:
            let wellFormed = points.allSatisfy { $0.arrayValue?.count == 2 && $0[1] == "invalid" }
            return wellFormed ? nil : "point statuses that are not [timestamp, \"invalid\"] pairs"
        default:
            return "a call answer without a status"
        }
    }

    /// What the answer said, call by call (`write ok`), or the request-level error (`request error 401`).
    static func outcomes(request: [UInt8], answer: [UInt8]) -> [String] {
        guard let received = try? JSON(parsing: answer) else { return [answer.isEmpty ? "request answered nothing" : "request not JSON"] }
        if let code = received["error"]?["code"] { return ["request error \(code.serialized())"] }
        let procedures =
            (try? JSON(parsing: request))?["calls"]?.arrayValue?.compactMap { call -> String? in
                guard let id = call["id"], !id.isNull else { return nil }
                return call["procedure"]?.stringValue ?? "?"
            } ?? []
        return zip(procedures, received.arrayValue ?? []).map { procedure, entry in
            "\(procedure) \(entry["status"]?.stringValue ?? "point statuses")"
        }
    }
}
