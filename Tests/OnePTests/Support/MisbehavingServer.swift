import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP server that is not a platform: it answers every connection's first request with the same
/// raw bytes, or with nothing at all. It stands for a broken proxy or a wrong URL.
final class MisbehavingServer: Sendable {
    let port: Int
    private let descriptor: Int32

    /// - Parameter answer: the bytes sent back; `nil` accepts connections and never answers.
    init(answer: [UInt8]?) throws {
        let (descriptor, port) = try RawSockets.listen()
        self.descriptor = descriptor
        self.port = port
        guard let answer else { return }
        Thread.detachNewThread {
            while true {
                let connection = accept(descriptor, nil, nil)
                if connection < 0 { return }
                _ = RawSockets.receive(connection)
                RawSockets.send(connection, answer)
                close(connection)
            }
        }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }
}
