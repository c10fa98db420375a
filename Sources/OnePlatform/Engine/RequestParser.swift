import OnePJSON

/// Turns request bytes into an ``RPCRequest`` or the request-level error that answers them.
enum RequestParser {
    static let maximumIDLength = 40

    static func parse(_ body: [UInt8], limits: RPCLimits = .standard) throws(RequestError) -> RPCRequest {
        try refuseTooManyCalls(body, limits: limits)
        let json: JSON
        do {
            json = try JSON(parsing: body, maximumNesting: limits.maximumNesting)
        } catch  where error.isNestingTooDeep {
            throw .malformed(nil, "the request nests arrays and objects more than \(limits.maximumNesting) deep")
        } catch {
            throw .notJSON
        }
        guard let object = json.objectValue else {
            throw .malformed(nil, "request must be a JSON object with auth and calls")
        }
        let auth = try parseAuth(object["auth"])
        guard let calls = object["calls"]?.arrayValue else {
            throw .malformed("calls", "calls must be a list")
        }
        guard calls.count <= limits.maximumCalls else { throw tooManyCalls(limits) }
        var parsed: [CallRequest] = []
        parsed.reserveCapacity(calls.count)
        for call in calls { parsed.append(try parseCall(call)) }
        return RPCRequest(auth: auth, calls: parsed)
    }

    /// The shortest call that works, `{"procedure":""}`, and the comma after it.
    static let shortestCallBytes = 17

    /// Refuses a request with more calls than the limit before its calls are built, with the
    /// answer a full parse would give.
    ///
    /// Building ten thousand calls takes megabytes for a moment, and a flood of such requests
    /// kept the server's heap that much larger. A body long enough to hold more calls than the
    /// limit, each at least ``shortestCallBytes`` long, is first skimmed: one pass that checks it
    /// as a parse would, builds nothing but the outer keys, and counts the entries of `calls`. A
    /// shorter body with too many entries is small enough to build, and the parse refuses it.
    private static func refuseTooManyCalls(_ body: [UInt8], limits: RPCLimits) throws(RequestError) {
        guard body.count / shortestCallBytes > limits.maximumCalls,
            let members = try? JSON.outline(of: body, maximumNesting: limits.maximumNesting),
            let calls = members.last(where: { $0.key == "calls" })?.count, calls > limits.maximumCalls
        else { return }
        // A parse would have refused the credentials first; they are small, so build them.
        let auth = members.last { $0.key == "auth" }.flatMap { try? JSON(parsing: body[$0.range]) }
        _ = try parseAuth(auth)
        throw tooManyCalls(limits)
    }

    private static func tooManyCalls(_ limits: RPCLimits) -> RequestError {
        .malformed("calls", "a request may hold at most \(limits.maximumCalls) calls; send them in several requests")
    }

    private static func parseAuth(_ json: JSON?) throws(RequestError) -> AuthForm {
        guard let auth = json?.objectValue else {
            throw .malformed("auth", "auth must be an object")
        }
        // No key holds U+0000, and SQLite would compare such text cut short (see RefusedValues).
        if auth.contains(where: { $0.value.stringValue.map(RefusedValues.holdsNUL) == true }) {
            throw .unauthorized("auth holds U+0000, which no CIK, token or RID contains")
        }
        let clientID = try optionalString(auth, "client_id")
        let resourceID = try optionalString(auth, "resource_id")
        if let cik = auth["cik"] {
            guard let cik = cik.stringValue else { throw .malformed("auth", "cik must be a string") }
            switch (clientID, resourceID) {
            case (nil, nil): return .cik(cik, acting: .itself)
            case (let client?, nil): return .cik(cik, acting: .client(client))
            case (nil, let resource?): return .cik(cik, acting: .ownerOf(resource))
            case (_?, _?): throw .malformed("auth", "auth takes client_id or resource_id, not both")
            }
        }
        if let token = auth["token"] {
            guard let token = token.stringValue else { throw .malformed("auth", "token must be a string") }
            return .token(token, clientID: clientID)
        }
        throw .malformed("auth", "auth needs a cik or a token")
    }

    private static func optionalString(_ auth: JSONObject, _ key: String) throws(RequestError) -> String? {
        guard let value = auth[key], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw .malformed("auth", "\(key) must be a string") }
        return text
    }

    private static func parseCall(_ json: JSON) throws(RequestError) -> CallRequest {
        guard let call = json.objectValue else {
            throw .malformed("calls", "each call must be an object")
        }
        guard let procedure = call["procedure"]?.stringValue else {
            throw .malformed("procedure", "each call needs a procedure name")
        }
        let id = try parseID(call["id"])
        return CallRequest(id: id, procedure: procedure, arguments: call["arguments"]?.arrayValue)
    }

    private static func parseID(_ json: JSON?) throws(RequestError) -> JSON? {
        switch json {
        case nil, .null?:
            return nil
        case .int?, .double?:
            return json
        case .string(let text)?:
            guard text.count <= maximumIDLength else {
                throw .malformed("calls", "a call id may be at most \(maximumIDLength) characters")
            }
            return json
        default:
            throw .malformed("calls", "a call id must be a number or a string")
        }
    }
}
