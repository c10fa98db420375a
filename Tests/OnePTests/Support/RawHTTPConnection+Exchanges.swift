import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level moves on a raw connection: sending pieces, half-closing, and reading what the server
/// does next, each off the cooperative threads.
extension RawHTTPConnection {
    /// Sends `bytes` as they are; answers whether all went out before the send timeout.
    @discardableResult
    func send(_ bytes: [UInt8]) async throws -> Bool {
        try await offThread { self.sendAll(bytes) }
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    private func sendAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Closes the sending side: the server reads the end of the input.
    func halfClose() {
        shutdown(descriptor, Int32(SHUT_WR))
    }

    /// Reads one response the server sends unasked (or to what was sent before).
    func response() async throws -> RawResponse {
        try await offThread { try self.readResponse() }
    }

    /// What the connection does after everything read so far: the server closes it, or nothing
    /// comes within the timeout (then the connection is still open).
    func waitForClose() async throws -> RawSockets.Received {
        try await offThread {
            if !self.pending.isEmpty { return .bytes(self.pending) }
            while true {
                let outcome = RawSockets.receiveOutcome(self.descriptor)
                guard case .bytes = outcome else { return outcome }
                return outcome
            }
        }
    }
}
