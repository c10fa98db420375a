import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP exchange over a fresh TCP connection to 127.0.0.1, byte for byte as given, read until
/// the server closes: no client library smooths over what is sent or what comes back.
public enum RawHTTP {
    public struct Response: Sendable {
        public let status: Int
        public let headers: [(String, String)]
        public let body: [UInt8]

        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    public enum Outcome: Sendable {
        case answered(Response)
        /// The server closed the connection without a response (or with one that does not parse).
        case closed([UInt8])
        /// Nothing came back within the time allowed.
        case silent
        case unreachable(String)
    }

    /// Sends `request` and reads what comes back, in blocking calls: call it off the cooperative threads.
    ///
    /// - Parameter halfClose: whether to shut down the sending side once the request is sent.
    public static func exchange(port: Int, _ request: [UInt8], timeout seconds: Int, halfClose: Bool = false) -> Outcome {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return .unreachable("socket failed") }
        defer { close(descriptor) }
        var limit = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return .unreachable("connect failed: errno \(errno)") }
        var offset = 0
        request.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
        if halfClose { shutdown(descriptor, Int32(SHUT_WR)) }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count > 0 {
                received += chunk[0..<count]
                if let response = complete(received) { return .answered(response) }
                continue
            }
            if count == 0 { break }
            if errno == EAGAIN || errno == EWOULDBLOCK { return received.isEmpty ? .silent : .closed(received) }
            break
        }
        return parse(received).map(Outcome.answered) ?? .closed(received)
    }

    /// The response once `bytes` hold all of it (by Content-Length or a chunked body's last chunk).
    private static func complete(_ bytes: [UInt8]) -> Response? {
        guard let response = parse(bytes) else { return nil }
        if let length = response.header("Content-Length").flatMap(Int.init) { return response.body.count >= length ? response : nil }
        return nil
    }

    /// The status, headers and body of a response read to its end; nil when it is not HTTP.
    public static func parse(_ bytes: [UInt8]) -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = head[0].split(separator: " ")
        guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/1."), let status = Int(statusWords[1]) else { return nil }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + 4)...])
        let response = Response(status: status, headers: headers, body: body)
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            guard let decoded = dechunked(body) else { return nil }
            body = decoded
        } else if let length = response.header("Content-Length").flatMap(Int.init) {
            body = Array(body.prefix(length))
        }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunked(_ bytes: [UInt8]) -> [UInt8]? {
        var body: [UInt8] = []
        var position = 0
        while true {
            guard let lineEnd = bytes[position...].firstIndex(of: 13), lineEnd + 1 < bytes.count else { return nil }
            let sizeText = String(decoding: bytes[position..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return nil }
            position = lineEnd + 2
            if size == 0 { return body }
            guard position + size <= bytes.count else { return nil }
            body += bytes[position..<(position + size)]
            position += size + 2
        }
    }
}
