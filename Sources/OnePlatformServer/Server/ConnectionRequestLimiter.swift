import NIOCore
import NIOHTTP1

/// Ends a connection after its last response: the response that says `Connection: close` (the
/// server's own early errors do), the answer to a request that asked for it, or the answer to the
/// connection's `limit`th request, to which it adds `Connection: close` itself.
///
/// Once that response is out it hands the connection to the ``LingeringCloser``, which stops
/// passing input up, reads what the client still sends, and closes; pipelined requests past the
/// limit are dropped, and the client resends them on a new connection.
///
/// Sits on the HTTP/1 parts, between the request decoder and the rest of the pipeline.
final class ConnectionRequestLimiter: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let limit: Int
    private var requestsSeen = 0
    private var responsesFinished = 0
    /// Whether each request received and not yet answered asked to keep the connection open.
    private var keepAlive: CircularBuffer<Bool> = []
    /// Whether the response being written is the connection's last.
    private var closingAfterResponse = false
    private var closed = false

    init(limit: Int) {
        self.limit = limit
    }

    private var answeringLast: Bool { responsesFinished + 1 >= limit }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            requestsSeen += 1
            if requestsSeen > limit { return }
            keepAlive.append(head.isKeepAlive)
        } else if requestsSeen > limit {
            return
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !closed else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head(var head):
            let asked = keepAlive.first == false
            let says = head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "close" }
            closingAfterResponse = answeringLast || asked || says
            if closingAfterResponse && !says { head.headers.replaceOrAdd(name: "connection", value: "close") }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            responsesFinished += 1
            if !keepAlive.isEmpty { keepAlive.removeFirst() }
            guard closingAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            closed = true
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in
                context.triggerUserOutboundEvent(LingeringCloser.Start(), promise: nil)
            }
        case .body:
            context.write(data, promise: promise)
        }
    }
}
