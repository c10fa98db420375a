import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain TCP sockets on 127.0.0.1, for servers that misbehave on purpose and for requests byte by byte.
enum RawSockets {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A listening socket bound to a free port on 127.0.0.1.
    static func listen() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket failed") }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(descriptor, 16) == 0 else { throw Failure(description: "bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port on which nothing listens (bound a moment ago, then released).
    static func closedPort() throws -> Int {
        let (descriptor, port) = try listen()
        close(descriptor)
        return port
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "connect to \(port) failed") }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ bytes: [UInt8]) {
        var offset = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Reads what is available; empty when the peer closed (or the socket's timeout passed).
    static func receive(_ descriptor: Int32) -> [UInt8] {
        if case .bytes(let bytes) = receiveOutcome(descriptor) { return bytes }
        return []
    }

    enum Received: Equatable {
        case bytes([UInt8])
        /// The peer closed its sending side (or reset the connection).
        case closed
        /// Nothing came before the socket's receive timeout.
        case timedOut
    }

    static func receiveOutcome(_ descriptor: Int32) -> Received {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count > 0 { return .bytes(Array(buffer[0..<count])) }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return .timedOut }
        return .closed
    }

    /// Makes blocking sends and receives on the socket give up after `seconds`.
    static func setTimeout(_ descriptor: Int32, seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            _ = setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// An HTTP/1.1 response read off a raw socket.
struct RawResponse {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]
}

/// One kept-alive HTTP connection driven by hand, to see exactly what the server sends and when it closes.
///
/// Unchecked because one test drives it one request at a time; the blocking socket calls run off
/// the cooperative threads.
final class RawHTTPConnection: @unchecked Sendable {
    let descriptor: Int32
    var pending: [UInt8] = []

    /// - Parameter timeout: how long one send or receive may block, so a server that stops
    ///   answering fails the test instead of holding it.
    init(port: Int, timeout: Double = 20) throws {
        descriptor = try RawSockets.connect(port: port)
        RawSockets.setTimeout(descriptor, seconds: timeout)
    }

    deinit {
        close(descriptor)
    }

    func post(
        _ path: String, body: [UInt8], contentType: String = "application/json; charset=utf-8", headers: [String] = []
    ) async throws -> RawResponse {
        let extra = headers.map { $0 + "\r\n" }.joined()
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\(extra)\r\n"
        return try await exchange(Array(head.utf8) + body)
    }

    func get(_ path: String) async throws -> RawResponse {
        try await exchange(Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
    }

    /// A GET with extra header lines, e.g. `X-Exosite-CIK: ...`.
    func get(_ path: String, headers: [String]) async throws -> RawResponse {
        try await exchange(Array(Self.getHead(path, headers: headers).utf8))
    }

    /// Sends a GET and does not wait for its answer, e.g. to start a long poll and then hang up.
    func startGet(_ path: String, headers: [String]) async throws {
        let head = Array(Self.getHead(path, headers: headers).utf8)
        try await offThread { RawSockets.send(self.descriptor, head) }
    }

    /// Sends a JSON POST and does not wait for its answer.
    func startPost(_ path: String, body: [UInt8]) async throws {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        try await offThread { RawSockets.send(self.descriptor, bytes) }
    }

    private static func getHead(_ path: String, headers: [String]) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// Whether the server has closed its side: a read answers end of file.
    func peerClosed() async throws -> Bool {
        try await offThread { self.pending.isEmpty && RawSockets.receive(self.descriptor).isEmpty }
    }

    private func exchange(_ request: [UInt8]) async throws -> RawResponse {
        try await offThread {
            RawSockets.send(self.descriptor, request)
            return try self.readResponse()
        }
    }

    func readResponse() throws -> RawResponse {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        while pending.firstRange(of: separator) == nil {
            let more = RawSockets.receive(descriptor)
            guard !more.isEmpty else { throw RawSockets.Failure(description: "connection closed before a response head") }
            pending += more
        }
        let headEnd = pending.firstRange(of: separator)!
        let lines = String(decoding: pending[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n")
        pending.removeSubrange(..<headEnd.upperBound)
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while pending.count < length {
            let more = RawSockets.receive(descriptor)
            guard !more.isEmpty else { throw RawSockets.Failure(description: "connection closed inside a body") }
            pending += more
        }
        let body = Array(pending[..<length])
        pending.removeSubrange(..<length)
        return RawResponse(status: status, headers: headers, body: body)
    }
}
