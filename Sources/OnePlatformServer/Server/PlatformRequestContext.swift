import Hummingbird
import NIOCore

/// The request context of the platform's routes: Hummingbird's basics plus both ends of the
/// connection (the server's own address answers the Data Interface's `/ip`; the peer's is what the
/// provisioning activation log records) and a way to stop work its client no longer waits for.
struct PlatformRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The local end of the connection the request came on.
    let localAddress: SocketAddress?
    /// The peer of the connection.
    let remoteAddress: SocketAddress?
    /// Fires when the client goes away; nil on a channel the server did not set up itself.
    let hangUp: HangUpSignal?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        localAddress = source.channel.localAddress
        remoteAddress = source.channel.remoteAddress
        hangUp = HangUpSignals.signal(of: source.channel)
    }

    /// Runs `operation`, cancelling it when the client hangs up first.
    func cancellingOnHangUp<T: Sendable>(_ operation: @escaping @Sendable () async -> T) async -> T {
        guard let hangUp else { return await operation() }
        return await hangUp.cancellingOnHangUp(operation)
    }
}
