import Hummingbird
import NIOCore

/// The request context of the platform's routes: Hummingbird's basics plus both ends of the
/// connection the request came on.
struct PlatformRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The local end of the connection the request came on.
    let localAddress: SocketAddress?
    /// The peer of the connection, which the provisioning activation log records.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        localAddress = source.channel.localAddress
        remoteAddress = source.channel.remoteAddress
    }
}
