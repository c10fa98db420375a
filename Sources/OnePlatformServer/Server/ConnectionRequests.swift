import NIOCore
import NIOHTTP1

/// The platform's handling of a connection's requests, on the HTTP/1 parts right after the request
/// decoder; one handler for two duties, since every handler costs each request a pass per part.
///
/// - **Requests per connection** (``RequestLimit``): the response that ends the connection (the
///   `limit`th, one a request asked to be the last, one that says `Connection: close`) says so; once
///   it is out the connection goes to the ``ConnectionBytes`` lingering close, and parts past the
///   limit are dropped.
/// - **Timeouts**: drops connections that hold the server without moving: one that sends nothing
///   between requests (idle timeout, closed quietly), a request head that does not arrive whole in
///   time, and a body that stops while the server waits for it (both answered `408` and closed).
///   Nothing runs while a request is being answered, so a `wait` or long poll is never cut short;
///   the body clock only runs while the server has asked for more input, so a slow consumer on
///   this side never counts against the client. A trickling client holds one connection and a
///   timer, never a thread. ``ConnectionBytes`` below the decoder calls ``bytesArrived()`` when a
///   head starts arriving.
final class ConnectionRequests: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    struct Settings {
        var header: TimeAmount
        var body: TimeAmount
        var idle: TimeAmount
    }

    private enum Clock {
        case idle, head, body
    }

    private let settings: Settings
    private var limit: RequestLimit
    /// The last response went out: what the layers above write afterwards is dropped.
    private var closed = false
    /// This handler's context while it is in the pipeline, for ``bytesArrived()``.
    private var context: ChannelHandlerContext?
    /// Requests whose head came in and whose response has not ended.
    private var unanswered = 0
    private var readingBody = false
    private var responseStarted = false
    /// The server answered a timeout itself: what the layers above write afterwards is dropped.
    private var answeredTimeout = false
    /// The clock running now and when it runs out.
    private var running: (clock: Clock, deadline: NIODeadline)?
    /// The one task scheduled, and when it fires: never after the running clock's deadline.
    private var timer: (task: Scheduled<Void>, fires: NIODeadline)?

    init(limit: Int, timeouts: Settings) {
        self.limit = RequestLimit(limit: limit)
        self.settings = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { start(.idle, context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        if running == nil, unanswered == 0 { start(.idle, context: context) }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        cancelTimer()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
        cancelTimer()
        self.context = nil
    }

    /// Bytes came in, before the decoder turns them into parts (called by ``ConnectionBytes``).
    func bytesArrived() {
        guard let context else { return }
        if unanswered == 0, running?.clock == .idle {
            start(.head, context: context)
        } else if running?.clock == .body {
            stop()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        switch part {
        case .head(let head):
            guard limit.admit(head) else { return }
        case .body, .end:
            guard limit.admitsParts else { return }
        }
        switch part {
        case .head:
            unanswered += 1
            readingBody = true
            responseStarted = false
            stop()
        case .body:
            break
        case .end:
            readingBody = false
            if running?.clock == .body { stop() }
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        if readingBody, running == nil { start(.body, context: context) }
        context.read()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !answeredTimeout else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head) where head.status.code >= 200:
            responseStarted = true
        case .end:
            unanswered = max(0, unanswered - 1)
            if unanswered == 0 { start(.idle, context: context) }
        default:
            break
        }
        send(part, data, context: context, promise: promise)
    }

    /// Writes a response part (`data` is `part` wrapped), ending the connection after the last response.
    private func send(_ part: HTTPServerResponsePart, _ data: NIOAny, context: ChannelHandlerContext, promise: EventLoopPromise<Void>?) {
        guard !closed else {
            promise?.fail(ChannelError.outputClosed)
            return
        }
        switch part {
        case .head(var head):
            if limit.responding(&head) {
                context.write(wrapOutboundOut(.head(head)), promise: promise)
            } else {
                context.write(data, promise: promise)
            }
        case .end:
            limit.responseEnded()
            guard limit.closingAfterResponse else {
                context.write(data, promise: promise)
                return
            }
            closed = true
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            context.writeAndFlush(data, promise: written)
            written.futureResult.assumeIsolated().whenComplete { _ in
                context.triggerUserOutboundEvent(ConnectionBytes.StartLingering(), promise: nil)
            }
        case .body:
            context.write(data, promise: promise)
        }
    }

    // MARK: Clocks

    // A request starts and stops three clocks; scheduling and cancelling a task for each would
    // cost more than the rest of this handler. So the clocks only note their deadlines, and one
    // task fires no later than the running clock's deadline: if the clock stopped or was pushed
    // back meanwhile, the task looks again then. A clock that starts with a deadline earlier than
    // the task's (a head after a long idle wait) moves the task forward.

    private func start(_ clock: Clock, context: ChannelHandlerContext) {
        let amount: TimeAmount
        switch clock {
        case .idle: amount = settings.idle
        case .head: amount = settings.header
        case .body: amount = settings.body
        }
        let deadline = NIODeadline.now() + amount
        running = (clock, deadline)
        if let timer, timer.fires <= deadline { return }
        schedule(at: deadline, context: context)
    }

    private func stop() {
        running = nil
    }

    private func cancelTimer() {
        timer?.task.cancel()
        timer = nil
    }

    private func schedule(at deadline: NIODeadline, context: ChannelHandlerContext) {
        timer?.task.cancel()
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            guard let running else { return }
            if running.deadline <= NIODeadline.now() {
                self.running = nil
                expired(running.clock, context: context)
            } else {
                schedule(at: running.deadline, context: context)
            }
        }
        timer = (task, deadline)
    }

    private func expired(_ clock: Clock, context: ChannelHandlerContext) {
        switch clock {
        case .idle:
            context.close(promise: nil)
        case .head:
            answer("no complete request head arrived within \(Self.seconds(settings.header))", context: context)
        case .body where !responseStarted:
            answer("the request body stalled: nothing arrived for \(Self.seconds(settings.body))", context: context)
        case .body:
            context.close(promise: nil)
        }
    }

    /// Writes `408` with a one-line reason; the connection closes once it is out.
    private func answer(_ reason: String, context: ChannelHandlerContext) {
        let body = ByteBuffer(string: reason + "\n")
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/plain; charset=utf-8")
        headers.add(name: "content-length", value: String(body.readableBytes))
        headers.add(name: "connection", value: "close")
        let parts: [HTTPServerResponsePart] = [
            .head(HTTPResponseHead(version: .http1_1, status: .requestTimeout, headers: headers)), .body(.byteBuffer(body)), .end(nil),
        ]
        for part in parts { send(part, wrapOutboundOut(part), context: context, promise: nil) }
        context.flush()
        answeredTimeout = true
    }

    private static func seconds(_ amount: TimeAmount) -> String {
        let milliseconds = amount.nanoseconds / 1_000_000
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
