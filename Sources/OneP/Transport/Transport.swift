/// Carries one request body to the platform and brings back the answer's body.
///
/// ``HTTPTransport`` talks to a platform over HTTP; an in-process transport hands the bytes to an
/// embedded platform. Either way the bytes are the same.
public protocol Transport: Sendable {
    /// - Throws: ``OnePError`` of a transport kind (unreachable, timed out, TLS, connection closed),
    ///   or `CancellationError` when the calling task was cancelled.
    func send(_ body: [UInt8]) async throws -> [UInt8]
}
