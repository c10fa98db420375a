/// Requests whose HTTP framing is broken: a body shorter than its Content-Length, chunks that are
/// not chunks, a request cut off in its head; each then half-closed, as a client that gave up
/// leaves it. The server must answer with a documented status (a 4xx once it reads the body; a
/// route that answers without reading it, such as a long poll, may answer as usual) or, for a head
/// it never finished reading, close; never a 5xx and never a hang.
extension SocketCase {
    enum Framing: CaseIterable {
        case shortBody
        case badChunkSize
        case cutChunk
        case cutHead
    }

    func broken(_ framing: Framing, _ rng: inout SplitMix64) -> SocketCase {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = request.indices.first(where: { request[$0...].starts(with: separator) }) else { return self }
        let head = String(decoding: request[..<end], as: UTF8.self)
        let body = Array(request[(end + 4)...])
        let lines = head.components(separatedBy: "\r\n").filter { !$0.lowercased().hasPrefix("content-length:") }
        var broken: [UInt8]
        switch framing {
        case .shortBody:
            let claimed = body.count + 1 + rng.below(100_000)
            broken = Array((lines + ["Content-Length: \(claimed)", "", ""]).joined(separator: "\r\n").utf8) + body
        case .badChunkSize:
            let size = rng.pick(["zz", "-1", "FFFFFFFFFFFFFFFFF", "", "1;", String(body.count + 5, radix: 16)])
            broken = Array((lines + ["Transfer-Encoding: chunked", "", size, ""]).joined(separator: "\r\n").utf8) + body
        case .cutChunk:
            let chunked = Array((lines + ["Transfer-Encoding: chunked", "", String(body.count + 10, radix: 16), ""]).joined(separator: "\r\n").utf8)
            broken = chunked + body.prefix(rng.below(body.count + 1))
        case .cutHead:
            broken = Array(request.prefix(1 + rng.below(end + 3)))
        }
        return SocketCase(kind: kind, request: broken, rpcBody: nil, framing: framing)
    }

    /// Nil when the server's answer to a broken request is a refusal, not an error or a hang.
    func checkBroken(_ outcome: RawHTTP.Outcome, _ framing: Framing) -> String? {
        switch outcome {
        case .answered(let response):
            return Self.statuses.contains(response.status) ? nil : "status \(response.status) for a request with \(framing)"
        case .closed(let bytes):
            return framing == .cutHead && bytes.isEmpty ? nil : "closed without a 4xx for a request with \(framing)"
        case .silent:
            return "no answer within the time allowed to a half-closed request with \(framing)"
        case .unreachable(let reason):
            return "the server could not be reached: \(reason)"
        }
    }
}
