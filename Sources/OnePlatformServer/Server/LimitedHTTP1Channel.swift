import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// Hummingbird's HTTP/1 channel with the platform's connection handling around it:
///
/// - on the plain bytes (after TLS, before HTTP): ``ConnectionBytes``, and the
///   ``ConnectionRefuser`` on a connection over the cap;
/// - on the HTTP parts, right after the request decoder: ``ConnectionRequests``.
///
/// Two handlers rather than one per duty: each handler costs every request a pass per read, part,
/// flush and event (`percall-keepalive` in onep-benchmarks measures it).
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let requestsPerConnection: Int
    let timeouts: ConnectionRequests.Settings
    let cap: ConnectionCap

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = cap.admit(channel)
        return base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let encoder = try pipeline.handler(type: HTTPResponseEncoder.self)
            let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            let requests = ConnectionRequests(limit: requestsPerConnection, timeouts: timeouts)
            // A refused connection gives its place back soon: the clients queued behind it wait for it.
            let bytes = ConnectionBytes(
                hangUp: HangUpSignals.watch(channel), requests: admitted ? requests : nil, linger: admitted ? .seconds(2) : .milliseconds(100))
            try pipeline.addHandler(bytes, position: .before(encoder))
            if !admitted { try pipeline.addHandler(ConnectionRefuser(answer: cap.refusal), position: .before(encoder)) }
            try pipeline.addHandler(requests, position: .after(decoder))
            return value
        }
    }

    /// Handles the connection's requests on its own event loop (see ``EventLoopTaskExecutor``).
    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the platform's connection handling, in plain text or (given a configuration) TLS.
    static func platformHTTP1(
        requestsPerConnection: Int, timeouts: ConnectionRequests.Settings, cap: ConnectionCap, tls: TLSConfiguration?
    ) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let channel = LimitedHTTP1Channel(
                base: HTTP1Channel(responder: responder), requestsPerConnection: requestsPerConnection, timeouts: timeouts, cap: cap)
            guard let tls else { return channel }
            return try TLSChannel(channel, tlsConfiguration: tls)
        }
    }
}
