import NIOCore
import Synchronization

/// Tells the requests still running on one connection that its client has gone away, so a
/// suspended `wait` or long poll ends at once instead of at its timeout.
///
/// The server allows half-closed connections, so a client that hangs up does not close the
/// channel; the end of its input is what gives it away (``HangUpHandler``).
final class HangUpSignal: Sendable {
    private struct State {
        var hungUp = false
        var handlers: [UInt64: @Sendable () -> Void] = [:]
        var nextID: UInt64 = 0
    }

    // Guards whether the client left and what to run when it does; handlers run outside the lock.
    private let state = Mutex(State())

    func fire() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.hungUp else { return [] }
            state.hungUp = true
            defer { state.handlers.removeAll() }
            return Array(state.handlers.values)
        }
        for handler in handlers { handler() }
    }

    /// Runs `operation` in a task of its own that is cancelled when the client hangs up (or the
    /// calling task is cancelled) first.
    func cancellingOnHangUp<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await operation() }
        let id = state.withLock { state -> UInt64? in
            guard !state.hungUp else { return nil }
            state.nextID += 1
            state.handlers[state.nextID] = { task.cancel() }
            return state.nextID
        }
        if id == nil { task.cancel() }
        let value = await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        if let id { _ = state.withLock { $0.handlers.removeValue(forKey: id) } }
        return value
    }
}

/// Fires a connection's ``HangUpSignal`` when its input ends or it closes; passes everything on.
final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let signal: HangUpSignal

    init(signal: HangUpSignal) {
        self.signal = signal
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { signal.fire() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        signal.fire()
        context.fireChannelInactive()
    }
}

/// The hang-up signal of each open connection, found by its channel from a request's context.
enum HangUpSignals {
    // Guards the signals of the open connections.
    private static let byChannel = Mutex<[ObjectIdentifier: HangUpSignal]>([:])

    /// Watches a new connection until it closes.
    static func watch(_ channel: any Channel) throws {
        let signal = HangUpSignal()
        let key = ObjectIdentifier(channel)
        byChannel.withLock { $0[key] = signal }
        channel.closeFuture.whenComplete { _ in _ = byChannel.withLock { $0.removeValue(forKey: key) } }
        try channel.pipeline.syncOperations.addHandler(HangUpHandler(signal: signal), position: .first)
    }

    static func signal(of channel: any Channel) -> HangUpSignal? {
        byChannel.withLock { $0[ObjectIdentifier(channel)] }
    }
}
