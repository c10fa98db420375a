import NIOCore

/// Tells the handlers above that bytes came in, before the HTTP decoder turns them into parts: a
/// request head that trickles in yields no part until it is whole, and ``ConnectionTimeouts``
/// must still see it start.
///
/// Sits on the plain bytes (after TLS, before HTTP) and passes everything on.
final class InputActivity: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// The user inbound event fired ahead of each read.
    struct BytesArrived: Sendable {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireUserInboundEventTriggered(BytesArrived())
        context.fireChannelRead(data)
    }
}
