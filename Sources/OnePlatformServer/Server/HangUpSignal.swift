import NIOCore
import Synchronization

/// Tells the requests still running on one connection that its client has gone away, so a
/// suspended `wait` or long poll ends at once instead of at its timeout (and gives back its connection).
///
/// The server allows half-closed connections, so a client that hangs up does not close the
/// channel; the end of its input is what gives it away (``ConnectionBytes`` fires it).
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

    /// Runs `operation`, calling `onHangUp` if the client hangs up before it returns (at once if
    /// the client has already gone).
    func whileConnected<T: Sendable>(onHangUp: @escaping @Sendable () -> Void, _ operation: () async -> T) async -> T {
        let id = state.withLock { state -> UInt64? in
            guard !state.hungUp else { return nil }
            state.nextID += 1
            state.handlers[state.nextID] = onHangUp
            return state.nextID
        }
        guard let id else {
            onHangUp()
            return await operation()
        }
        let value = await operation()
        _ = state.withLock { $0.handlers.removeValue(forKey: id) }
        return value
    }
}

/// The hang-up signal of each open connection, found by its channel from a request's context.
enum HangUpSignals {
    // Guards the signals of the open connections.
    private static let byChannel = Mutex<[ObjectIdentifier: HangUpSignal]>([:])

    /// The signal of a new connection, found by its channel until it closes; its
    /// ``ConnectionBytes`` fires it.
    static func watch(_ channel: any Channel) -> HangUpSignal {
        let signal = HangUpSignal()
        let key = ObjectIdentifier(channel)
        byChannel.withLock { $0[key] = signal }
        channel.closeFuture.whenComplete { _ in _ = byChannel.withLock { $0.removeValue(forKey: key) } }
        return signal
    }

    static func signal(of channel: any Channel) -> HangUpSignal? {
        byChannel.withLock { $0[ObjectIdentifier(channel)] }
    }
}
