import OneP
import OnePlatform

/// Hands each request to an embedded platform in the same process: the same bytes an HTTP
/// transport would send, without a socket.
public struct InProcessTransport: Transport {
    public let platform: Platform

    public init(platform: Platform) {
        self.platform = platform
    }

    public func send(_ body: [UInt8]) async throws -> [UInt8] {
        await platform.processRPC(body)
    }
}
