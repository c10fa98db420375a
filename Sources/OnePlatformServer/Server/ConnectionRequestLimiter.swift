import NIOCore
import NIOHTTP1

/// Serves a fixed number of requests on one connection, then says `Connection: close` in the
/// last response and closes the connection once that response is out.
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

    init(limit: Int) {
        self.limit = limit
    }

    private var answeringLast: Bool { responsesFinished + 1 >= limit }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            requestsSeen += 1
            // Requests pipelined past the limit are dropped; the client resends them on a new connection.
            if requestsSeen > limit { return }
        } else if requestsSeen > limit {
            return
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where answeringLast:
            head.headers.replaceOrAdd(name: "connection", value: "close")
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end where answeringLast:
            responsesFinished += 1
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        case .end:
            responsesFinished += 1
            context.write(data, promise: promise)
        default:
            context.write(data, promise: promise)
        }
    }
}
