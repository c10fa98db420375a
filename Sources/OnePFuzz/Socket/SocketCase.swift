import OnePlatform

/// A fuzz case sent over a real socket: a well-framed HTTP/1.1 request (so the platform's answer,
/// not the framing, is what is judged) carrying an RPC, provisioning or Data Interface request.
struct SocketCase {
    let kind: FuzzKind
    let request: [UInt8]
    /// The RPC body, when the case is an RPC request, for checking a 200 answer.
    let rpcBody: [UInt8]?
    /// How the framing was broken, nil for a well-framed request.
    var framing: Framing? = nil

    /// Whether the client half-closes after sending, as one does that sent all it had.
    var halfCloses: Bool { framing != nil }

    static let statuses: Set<Int> = [200, 204, 205, 206, 304, 400, 401, 403, 404, 405, 408, 409, 413, 415, 416, 431]

    static func rpc(_ body: [UInt8], path: String) -> SocketCase {
        SocketCase(
            kind: .socketRPC, request: bytes(method: "POST", path: path, query: "", headers: [("Content-Type", "application/json")], body: body),
            rpcBody: body)
    }

    static func provision(_ request: ProvisionRequest) -> SocketCase {
        SocketCase(
            kind: .socketProvision,
            request: bytes(method: request.method, path: request.path, query: request.query, headers: request.headers, body: request.body),
            rpcBody: nil)
    }

    static func dataInterface(_ request: DataInterfaceRequest) -> SocketCase {
        SocketCase(
            kind: .socketDataInterface,
            request: bytes(
                method: request.method, path: request.path, query: request.query, headers: request.headers.map { ($0.name, $0.value) },
                body: request.body),
            rpcBody: nil)
    }

    /// Nil when the outcome is a documented answer, otherwise what is wrong.
    func check(_ outcome: RawHTTP.Outcome) -> String? {
        if let framing { return checkBroken(outcome, framing) }
        switch outcome {
        case .answered(let response):
            guard Self.statuses.contains(response.status) else { return "status \(response.status)" }
            if let rpcBody, response.status == 200 { return RPCOracle.check(request: rpcBody, answer: response.body) }
            return nil
        case .closed(let bytes):
            return "the server closed the connection after \(bytes.count) bytes without an HTTP response"
        case .silent:
            return "no answer within the time allowed"
        case .unreachable(let reason):
            return "the server could not be reached: \(reason)"
        }
    }

    /// A request with the method made a token, the target percent-encoded where HTTP needs it and
    /// header values kept to one line, closing the connection after the answer.
    private static func bytes(method: String, path: String, query: String, headers: [(String, String)], body: [UInt8]) -> [UInt8] {
        let token = method.unicodeScalars.filter { $0.properties.isAlphabetic && $0.isASCII }
        let verb = token.isEmpty ? "GET" : String(String.UnicodeScalarView(token))
        var target = encodedTarget(path.hasPrefix("/") ? path : "/" + path)
        if !query.isEmpty { target += "?" + encodedTarget(query) }
        var head = "\(verb) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers {
            let cleanName = name.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic || $0 == "-" } ? name : "X-Fuzz"
            let cleanValue = String(String.UnicodeScalarView(value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
            head += "\(cleanName): \(cleanValue)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    private static func encodedTarget(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "#") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
