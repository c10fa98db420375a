import NIOCore

/// Closes a connection after its last response without losing that response: it shuts the
/// sending side, then reads and throws away what the client still sends until the client closes
/// its side, `linger` passes or `discardLimit` bytes came, and then closes.
///
/// Closing at once while the client is still sending (a body past the size limit, requests it
/// pipelined) would make the system answer it with a reset, which can destroy the response before
/// the client reads it; not reading at all would leave a client that sends its whole body before
/// reading stuck until its own timeout. The closer reads on by itself, whatever the layers above
/// want, since they no longer see any of it.
///
/// Sits on the plain bytes (after TLS, before HTTP). ``Start`` (an outbound user event) begins it.
final class LingeringCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Starts the lingering close; sent once the last response is flushed.
    struct Start: Sendable {}

    private let linger: TimeAmount
    private let discardLimit: Int
    private var lingering = false
    private var inputEnded = false
    private var discarded = 0
    private var deadline: Scheduled<Void>?

    init(linger: TimeAmount = .seconds(2), discardLimit: Int = 64 * 1024 * 1024) {
        self.linger = linger
        self.discardLimit = discardLimit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard lingering else {
            context.fireChannelRead(data)
            return
        }
        discarded += unwrapInboundIn(data).readableBytes
        if discarded > discardLimit { context.close(promise: nil) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard lingering else {
            context.fireChannelReadComplete()
            return
        }
        context.read()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            inputEnded = true
            if lingering { context.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is Start else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed()
        start(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    private func start(context: ChannelHandlerContext) {
        guard !lingering, context.channel.isActive else { return }
        lingering = true
        if inputEnded {
            context.close(promise: nil)
            return
        }
        // TLS may not support closing one direction; then the whole connection closes now.
        let shut = context.eventLoop.makePromise(of: Void.self)
        context.close(mode: .output, promise: shut)
        shut.futureResult.assumeIsolated().whenFailure { _ in context.close(promise: nil) }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: linger) { context.close(promise: nil) }
        context.read()
    }
}
