import Hummingbird
import NIOCore

/// The request context of the platform's routes: Hummingbird's basics plus the server's own
/// address on the connection, which the Data Interface's `/ip` answers.
struct PlatformRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The local end of the connection the request came on.
    let localAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        localAddress = source.channel.localAddress
    }
}
