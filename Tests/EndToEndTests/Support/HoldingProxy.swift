import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A slow platform for tests: an HTTP front on a free local port that passes each request to a
/// real platform and, while the test has it holding, keeps the platform's answer back until the
/// test lets go. The answers themselves are the platform's, byte for byte. Call ``stop()`` when done.
// @unchecked Sendable: `holding`, `heldNow`, `heldEver` and `stopped` are only touched while
// holding `condition`; the rest is immutable.
final class HoldingProxy: @unchecked Sendable {
    let url: String
    private let upstreamPort: UInt16
    private let listener: Int32
    private let condition = NSCondition()
    private var holding = false
    private var heldNow = 0
    private var heldEver = 0
    private var stopped = false

    /// Starts forwarding to `upstream`, a `http://127.0.0.1:PORT` URL.
    init(forwardingTo upstream: String) throws {
        guard let port = upstream.split(separator: ":").last.flatMap({ UInt16($0) }) else { throw LoopbackSocketError("no port in \(upstream)") }
        upstreamPort = port
        (listener, url) = try listenOnLoopback()
        let thread = Thread { [self] in acceptConnections() }
        thread.start()
    }

    /// From now on, answers wait until ``release()``.
    func hold() {
        condition.withLock { holding = true }
    }

    /// Lets every held answer go and stops holding.
    func release() {
        condition.withLock {
            holding = false
            condition.broadcast()
        }
    }

    /// Answers being held back right now.
    var heldAnswers: Int { condition.withLock { heldNow } }

    /// Waits until at least `count` answers have been held since the start, up to `timeout`.
    func waitUntilHeld(_ count: Int, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        return condition.withLock {
            while heldEver < count {
                guard condition.wait(until: deadline) else { return heldEver >= count }
            }
            return true
        }
    }

    /// Lets held answers go and closes the port; the threads serving connections end with them.
    func stop() {
        condition.withLock {
            guard !stopped else { return }
            stopped = true
            holding = false
            condition.broadcast()
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    // MARK: - Forwarding

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    /// Answers the requests of one connection in turn until the client closes it.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var pending: [UInt8] = []
        while let request = HoldingProxy.readRequest(from: connection, buffer: &pending) {
            guard let answer = forward(request) else { return }
            condition.withLock {
                guard holding else { return }
                heldNow += 1
                heldEver += 1
                condition.broadcast()
                while holding && !stopped { _ = condition.wait(until: Date().addingTimeInterval(60)) }
                heldNow -= 1
            }
            guard HoldingProxy.writeAll(answer, to: connection) else { return }
        }
    }

    /// Sends one request to the platform on a connection of its own and reads the whole answer.
    private func forward(_ request: (head: String, body: [UInt8])) -> [UInt8]? {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard upstream >= 0 else { return nil }
        defer { close(upstream) }
        var address = loopbackAddress(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        // One request per upstream connection, so the answer ends where the connection does.
        let lines = request.head.components(separatedBy: "\r\n").filter { !$0.lowercased().hasPrefix("connection:") }
        let head = lines.joined(separator: "\r\n") + "\r\nConnection: close\r\n\r\n"
        guard HoldingProxy.writeAll(Array(head.utf8) + request.body, to: upstream) else { return nil }
        var answer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(upstream, &chunk, chunk.count)
            guard count > 0 else { break }
            answer += chunk[..<count]
        }
        return answer.isEmpty ? nil : answer
    }

    /// One request: its head (request line and headers, without the blank line) and its body.
    private static func readRequest(from connection: Int32, buffer: inout [UInt8]) -> (head: String, body: [UInt8])? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func fill() -> Bool {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return false }
            buffer += chunk[..<count]
            return true
        }
        var end: Int?
        while end == nil {
            end = buffer.indices.dropLast(separator.count - 1).first { buffer[$0..<$0 + separator.count].elementsEqual(separator) }
            if end == nil, !fill() { return nil }
        }
        guard let end else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        let length =
            head.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let bodyStart = end + separator.count
        while buffer.count < bodyStart + length {
            guard fill() else { return nil }
        }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeFirst(bodyStart + length)
        return (head, body)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a client that went away must not kill the test process with SIGPIPE.
            let written = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
