import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 channel with a ``ConnectionRequestLimiter`` placed right after the request
/// decoder, and a ``HangUpHandler`` that tells running requests when the client goes away.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let requestsPerConnection: Int

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try pipeline.addHandler(ConnectionRequestLimiter(limit: requestsPerConnection), position: .after(decoder))
            try HangUpSignals.watch(channel)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 that closes each connection after `requestsPerConnection` requests.
    static func http1(requestsPerConnection: Int) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            LimitedHTTP1Channel(base: HTTP1Channel(responder: responder), requestsPerConnection: requestsPerConnection)
        }
    }
}
