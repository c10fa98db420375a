import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// Hummingbird's HTTP/1 channel with the platform's connection handling around it:
///
/// - on the plain bytes (after TLS, before HTTP): the ``LingeringCloser``, the
///   ``ConnectionRefuser`` on a connection over the cap, ``InputActivity`` and the ``HangUpHandler``;
/// - on the HTTP parts, right after the request decoder: the ``ConnectionRequestLimiter`` and
///   ``ConnectionTimeouts``.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let requestsPerConnection: Int
    let timeouts: ConnectionTimeouts.Settings
    let cap: ConnectionCap

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = cap.admit(channel)
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let encoder = try pipeline.handler(type: HTTPResponseEncoder.self)
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            // A refused connection gives its place back soon: the clients queued behind it wait for it.
            var plain: [any ChannelHandler] = [LingeringCloser(linger: admitted ? .seconds(2) : .milliseconds(100))]
            if !admitted { plain.append(ConnectionRefuser(answer: cap.refusal)) }
            plain += [InputActivity(), HangUpSignals.watch(channel)]
            for handler in plain { try pipeline.addHandler(handler, position: .before(encoder)) }
            let limiter = ConnectionRequestLimiter(limit: requestsPerConnection)
            try pipeline.addHandler(limiter, position: .after(decoder))
            try pipeline.addHandler(ConnectionTimeouts(settings: timeouts), position: .after(limiter))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the platform's connection handling, in plain text or (given a configuration) TLS.
    static func platformHTTP1(
        requestsPerConnection: Int, timeouts: ConnectionTimeouts.Settings, cap: ConnectionCap, tls: TLSConfiguration?
    ) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let channel = LimitedHTTP1Channel(
                base: HTTP1Channel(responder: responder), requestsPerConnection: requestsPerConnection, timeouts: timeouts, cap: cap)
            guard let tls else { return channel }
            return try TLSChannel(channel, tlsConfiguration: tls)
        }
    }
}
