import Hummingbird
import NIOCore
import OnePlatform
import ServiceLifecycle

/// The request context of the platform's routes: Hummingbird's basics plus both ends of the
/// connection (the server's own address answers the Data Interface's `/ip`; the peer's is what the
/// provisioning activation log records) and a way to end waits nobody will read or the server
/// cannot keep.
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

    /// Runs `operation` with a ``WaitRelease`` that abandons its waits when the client hangs up
    /// and expires them when the server shuts down gracefully, so neither holds a connection or
    /// the shutdown up for a wait's whole timeout.
    func releasingWaits<T: Sendable>(_ operation: @escaping @Sendable (WaitRelease) async -> T) async -> T {
        let release = WaitRelease()
        let guarded: () async -> T = {
            await withGracefulShutdownHandler {
                await operation(release)
            } onGracefulShutdown: {
                release.expire()
            }
        }
        guard let hangUp else { return await guarded() }
        return await hangUp.whileConnected(onHangUp: { release.abandon() }, guarded)
    }
}
