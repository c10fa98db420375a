import OneP
import OnePlatform

/// Hands each request to an embedded platform in the same process: the same bytes an HTTP
/// transport would send, without a socket.
public struct InProcessTransport: Transport {
    public let platform: Platform

    public init(platform: Platform) {
        self.platform = platform
    }

    /// - Throws: `CancellationError` when the task was cancelled while the platform held a `wait`,
    ///   as the HTTP transport does, so callers see a cancellation rather than the empty answer.
    public func send(_ body: [UInt8]) async throws -> [UInt8] {
        let answer = await platform.processRPC(body)
        if answer.isEmpty { try Task.checkCancellation() }
        return answer
    }
}
