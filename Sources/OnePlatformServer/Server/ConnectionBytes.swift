import NIOCore

/// The platform's handling of a connection's plain bytes (after TLS, before HTTP), in one handler:
/// every handler in the pipeline costs each request a pass per read, flush and event, so the
/// three duties below share one.
///
/// - **Input activity.** Before bytes go on to the HTTP decoder it tells the connection's
///   ``ConnectionRequests`` that input arrived: a request head that trickles in yields no part until
///   it is whole, and the head clock must still see it start.
/// - **Hang-up.** It fires the connection's ``HangUpSignal`` when the input ends or the connection
///   closes (the server allows half-closed connections, so a client that hangs up does not close
///   the channel).
/// - **Lingering close.** Once ``StartLingering`` (an outbound user event, sent when the last
///   response is flushed) arrives, it closes without losing that response: it shuts the sending
///   side, then reads and throws away what the client still sends until the client closes its
///   side, `linger` passes or `discardLimit` bytes came, and then closes. Closing at once while the
///   client is still sending (a body past the size limit, requests it pipelined) would make the
///   system answer it with a reset, which can destroy the response before the client reads it;
///   not reading at all would leave a client that sends its whole body before reading stuck until
///   its own timeout. It reads on by itself, whatever the layers above want, since they no longer
///   see any of it.
final class ConnectionBytes: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Starts the lingering close; sent once the last response is flushed.
    struct StartLingering: Sendable {}

    private let linger: TimeAmount
    private let discardLimit: Int
    private let hangUp: HangUpSignal
    /// Told of every read; nil on a connection refused at the cap, which never serves a request.
    private let requests: ConnectionRequests?
    private var lingering = false
    private var inputEnded = false
    private var discarded = 0
    private var deadline: Scheduled<Void>?

    init(
        hangUp: HangUpSignal, requests: ConnectionRequests?, linger: TimeAmount = .seconds(2), discardLimit: Int = 64 * 1024 * 1024
    ) {
        self.hangUp = hangUp
        self.requests = requests
        self.linger = linger
        self.discardLimit = discardLimit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard lingering else {
            requests?.bytesArrived()
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
            hangUp.fire()
            if lingering { context.close(promise: nil) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is StartLingering else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed()
        startLingering(context: context)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        hangUp.fire()
        context.fireChannelInactive()
    }

    private func startLingering(context: ChannelHandlerContext) {
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
