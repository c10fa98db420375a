import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking HTTP/1.1 client on one TCP connection, for sending bytes exactly as given and reading
/// the status of what comes back.
final class RawClient {
    private(set) var descriptor: Int32 = -1
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 65536)
    let port: Int

    init(port: Int) {
        self.port = port
    }

    deinit {
        close()
    }

    var isOpen: Bool { descriptor >= 0 }

    /// Connects when not connected; false when the server cannot be reached.
    func connectIfNeeded() -> Bool {
        if descriptor >= 0 { return true }
        descriptor = Self.open(port: port)
        pending.removeAll(keepingCapacity: true)
        return descriptor >= 0
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Gives the connection away (the caller keeps it open), and starts afresh.
    func detach() -> Int32 {
        let detached = descriptor
        descriptor = -1
        pending.removeAll(keepingCapacity: true)
        return detached
    }

    func halfClose() {
        if descriptor >= 0 { shutdown(descriptor, Int32(SHUT_WR)) }
    }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// What came back for one request: its status, and whether the server closes the connection.
    struct Answer {
        let status: Int
        let closes: Bool
    }

    /// Reads one response; nil when the connection closed or timed out first.
    func response() -> Answer? {
        let separator: [UInt8] = [13, 10, 13, 10]
        while pending.firstRange(of: separator) == nil {
            guard receive() else { return nil }
        }
        let end = pending.firstRange(of: separator)!
        let head = String(decoding: pending[..<end.lowerBound], as: UTF8.self).lowercased()
        pending.removeSubrange(..<end.upperBound)
        let lines = head.split(separator: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var length = 0
        var chunked = false
        var closes = false
        for line in lines.dropFirst() {
            if line.hasPrefix("content-length:") { length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("transfer-encoding:"), line.contains("chunked") { chunked = true }
            if line.hasPrefix("connection:"), line.contains("close") { closes = true }
        }
        if chunked {
            // Bad requests never earn a streamed answer; reading on would be guesswork, so start afresh.
            return Answer(status: status, closes: true)
        }
        while pending.count < length {
            guard receive() else { return nil }
        }
        pending.removeSubrange(..<length)
        return Answer(status: status, closes: closes)
    }

    private func receive() -> Bool {
        let count = recv(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return false }
        pending += buffer[0..<count]
        return true
    }

    private static func open(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            return -1
        }
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            _ = setsockopt(descriptor, SOL_SOCKET, option, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }
        return descriptor
    }
}
