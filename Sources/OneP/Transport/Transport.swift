/// Carries one request body to the platform and brings back the answer's body.
///
/// ``HTTPTransport`` talks to a platform over HTTP; an in-process transport hands the bytes to an
/// embedded platform. Either way the bytes are the same.
public protocol Transport: Sendable {
    /// - Throws: ``OnePError`` of a transport kind (unreachable, timed out, TLS, connection closed),
    ///   or `CancellationError` when the calling task was cancelled.
    func send(_ body: [UInt8]) async throws -> [UInt8]

    /// Sends a request whose answer the platform holds back on purpose for up to `hold` (a `wait`),
    /// so a transport with a timeout must allow that much more before giving up.
    func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8]
}

extension Transport {
    /// A transport without a timeout of its own has nothing to extend.
    public func send(_ body: [UInt8], answerHeldUpTo hold: Duration) async throws -> [UInt8] {
        try await send(body)
    }
}
