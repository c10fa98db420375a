import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Something that listens on a free local port but is not a One Platform: it answers every request
/// with the same bytes (a web server's 404 page, say), or accepts and never answers at all.
/// Call ``stop()`` when done.
// @unchecked Sendable: `stopped` and `connections` are only touched while holding `lock`; the
// rest is immutable.
final class CannedServer: @unchecked Sendable {
    let url: String
    private let answer: [UInt8]?
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var connections: [Int32] = []

    /// A server that answers each request with `answer`, or never answers when it is nil.
    init(answer: String?) throws {
        self.answer = answer.map { Array($0.utf8) }
        (listener, url) = try listenOnLoopback()
        let thread = Thread { [self] in acceptConnections() }
        thread.start()
    }

    /// An answer such as a web server gives for a path it does not know.
    static let notFoundPage =
        "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: 48\r\nConnection: close\r\n\r\n"
        + "<html><body><h1>404 Not Found</h1></body></html>"

    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
            for connection in connections {
                shutdown(connection, Int32(SHUT_RDWR))
                close(connection)
            }
            connections = []
        }
    }

    deinit { stop() }

    private func acceptConnections() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let keep = lock.withLock { () -> Bool in
                guard !stopped else { return false }
                connections.append(connection)
                return true
            }
            guard keep else {
                close(connection)
                return
            }
            let thread = Thread { [self] in serve(connection) }
            thread.start()
        }
    }

    /// Reads whatever the client sends; answers once the request head has arrived, if it answers.
    private func serve(_ connection: Int32) {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let separator = Array("\r\n\r\n".utf8)
        while true {
            let count = read(connection, &chunk, chunk.count)
            guard count > 0 else { return }
            received += chunk[..<count]
            guard let answer, received.count >= separator.count,
                received.indices.dropLast(separator.count - 1).contains(where: { received[$0..<$0 + separator.count].elementsEqual(separator) })
            else { continue }
            var offset = 0
            while offset < answer.count {
                let written = answer[offset...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard written > 0 else { return }
                offset += written
            }
            received = []
        }
    }
}
