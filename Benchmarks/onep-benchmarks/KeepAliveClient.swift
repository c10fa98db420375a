import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A load generator: one kept-alive HTTP/1.1 connection on a blocking socket, driven from a thread
/// of its own so it neither waits for nor takes the cooperative threads the server runs on. When
/// the server says `Connection: close` (the platform does after its 100th request) it reconnects.
final class KeepAliveClient: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let port: Int
    private let head: String
    private var descriptor: Int32 = -1
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(port: Int, path: String) {
        self.port = port
        head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Posts `body` `count` times, one after the other, on a thread of its own; answers the time
    /// taken and the last answer's body.
    func repeatPost(_ body: [UInt8], count: Int) async throws -> (elapsed: Duration, last: [UInt8]) {
        try await onThread {
            let clock = ContinuousClock()
            let start = clock.now
            var last: [UInt8] = []
            for _ in 0..<count { last = try self.post(body) }
            return (clock.now - start, last)
        }
    }

    /// Posts each body in turn; answers the time taken and every answer.
    func postEach(_ bodies: [[UInt8]]) async throws -> (elapsed: Duration, answers: [[UInt8]]) {
        try await onThread {
            let clock = ContinuousClock()
            let start = clock.now
            let answers = try bodies.map { try self.post($0) }
            return (clock.now - start, answers)
        }
    }

    private func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 1 << 22
            thread.start()
        }
    }

    /// One request and its answer's body; blocking.
    func post(_ body: [UInt8]) throws -> [UInt8] {
        if descriptor < 0 { try connect() }
        try send(Array((head + "\(body.count)\r\n\r\n").utf8) + body)
        let (answer, closes) = try readResponse()
        if closes {
            close(descriptor)
            descriptor = -1
            pending.removeAll()
        }
        return answer
    }

    private func connect() throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        var one: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    private func send(_ bytes: [UInt8]) throws {
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else { throw Failure(description: "send failed") }
                offset += written
            }
        }
    }

    private func receive() throws {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw Failure(description: "the server closed the connection") }
        pending.append(contentsOf: buffer[0..<count])
    }

    /// The body of the next response, and whether the server closes the connection after it.
    private func readResponse() throws -> ([UInt8], Bool) {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd = pending.firstRange(of: separator)
        while headEnd == nil {
            try receive()
            headEnd = pending.firstRange(of: separator)
        }
        guard let headEnd else { throw Failure(description: "no response head") }
        let headText = String(decoding: pending[..<headEnd.lowerBound], as: UTF8.self).lowercased()
        pending.removeSubrange(..<headEnd.upperBound)
        guard headText.hasPrefix("http/1.1 200") else { throw Failure(description: "answered \(headText.prefix(40))") }
        var length: Int?
        var closes = false
        for line in headText.split(separator: "\r\n") {
            if line.hasPrefix("content-length:") { length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
            if line.hasPrefix("connection:") && line.contains("close") { closes = true }
        }
        guard let length else { throw Failure(description: "an answer without Content-Length") }
        while pending.count < length { try receive() }
        let body = Array(pending[..<length])
        pending.removeSubrange(..<length)
        return (body, closes)
    }
}
