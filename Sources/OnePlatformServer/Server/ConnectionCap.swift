import Hummingbird
import HummingbirdCore
import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many connections the server holds at once, and what it does past that.
///
/// Up to ``maximum`` connections are served. A few more (``refusing``) are accepted only to be
/// answered `503` and closed, so a client learns why instead of timing out. Past those the server
/// stops accepting until a connection closes: the kernel queues the rest, and the server never
/// runs out of file descriptors (where accepting would fail over and over and spin).
final class ConnectionCap: Sendable {
    /// Connections served at once.
    let maximum: Int
    /// Connections over ``maximum`` accepted to be refused.
    let refusing: Int
    private let open = Atomic<Int>(0)

    /// Descriptors kept for the database, its journal, the event loops and the like.
    static let reservedDescriptors = 64
    static let refusalSlots = 16

    /// - Parameter requested: the configured maximum, lowered to what the open-file limit allows
    ///   (``lowered(_:)`` says by how much).
    init(requested: Int) {
        let budget = Self.descriptorBudget()
        let allowed = max(1, min(requested, budget - Self.refusalSlots))
        maximum = allowed
        refusing = max(1, min(Self.refusalSlots, budget - allowed))
    }

    /// The open-file limit less what the process needs besides connections; the soft limit is
    /// first raised to the hard one, as servers do.
    static func descriptorBudget() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return Int.max / 2 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        // RLIM_INFINITY is all bits set; the minimum takes care of it.
        return Int(min(UInt64(limit.rlim_cur), UInt64(Int.max / 2))) - reservedDescriptors
    }

    /// Counts a new connection until it closes; answers whether it is over the maximum.
    func admit(_ channel: any Channel) -> Bool {
        let count = open.add(1, ordering: .relaxed).newValue
        channel.closeFuture.whenComplete { [self] _ in _ = open.subtract(1, ordering: .relaxed) }
        return count <= maximum
    }

    /// The delegate that makes Hummingbird stop accepting once the refusal slots are full too.
    var acceptance: MaximumAvailableConnections {
        MaximumAvailableConnections(maximum + refusing)
    }

    /// The answer of a connection over the maximum, sent as is before anything is read.
    var refusal: ByteBuffer {
        let body = "the server is at its limit of \(maximum) connections; try again shortly\n"
        let head =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
        return ByteBuffer(string: head + body)
    }
}

/// Answers a connection over the cap with a `503` as soon as it opens, drops what it sends, and
/// hands it to the lingering close of ``ConnectionBytes``. Sits right after ``ConnectionBytes``, on the plain bytes.
final class ConnectionRefuser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let answer: ByteBuffer
    private var sent = false

    init(answer: ByteBuffer) {
        self.answer = answer
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { refuse(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        refuse(context: context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        promise?.fail(ChannelError.outputClosed)
    }

    private func refuse(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(answer), promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in
            context.triggerUserOutboundEvent(ConnectionBytes.StartLingering(), promise: nil)
        }
    }
}
