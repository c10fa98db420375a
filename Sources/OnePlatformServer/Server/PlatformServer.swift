import Hummingbird
import Logging
import NIOCore
import OnePlatform
import ServiceLifecycle

/// The HTTP front of an embedded platform: the same API the hosted One Platform serves, over a socket.
public enum PlatformServer {
    /// An application ready to run, alone or as a service of a `ServiceGroup` (which gives it a
    /// graceful shutdown on signals).
    /// - Parameters:
    ///   - onListening: called once the socket is bound, with the address and the real port.
    public static func application(
        platform: Platform,
        configuration: PlatformServerConfiguration = .init(),
        logger: Logger = quietLogger,
        onListening: @escaping @Sendable (_ address: String, _ port: Int) async -> Void = { _, _ in }
    ) -> some ApplicationProtocol {
        let bindAddress = configuration.bindAddress
        return Application(
            router: router(platform: platform, configuration: configuration),
            server: .http1(requestsPerConnection: configuration.requestsPerConnection),
            configuration: ApplicationConfiguration(address: .hostname(bindAddress, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                await onListening(bindAddress, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }

    static func router(platform: Platform, configuration: PlatformServerConfiguration) -> Router<PlatformRequestContext> {
        let router = Router(context: PlatformRequestContext.self)
        let groups: [any PlatformRoutes] = [
            RPCRoutes(platform: platform, maximumRequestBodySize: configuration.maximumRequestBodySize),
            ProvisionRoutes(platform: platform),
            DataInterfaceRoutes(platform: platform, maximumRequestBodySize: configuration.maximumRequestBodySize),
        ]
        for group in groups { group.register(on: router) }
        return router
    }

    /// A logger that drops everything: `onep serve` prints only its own lines.
    public static let quietLogger = Logger(label: "onep.server") { _ in SwiftLogNoOpLogHandler() }
}
