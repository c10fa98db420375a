import Hummingbird
import HummingbirdCore
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
    /// - Throws: ``PlatformServerError`` when the TLS files cannot be used.
    public static func application(
        platform: Platform,
        configuration: PlatformServerConfiguration = .init(),
        logger: Logger = quietLogger,
        onListening: @escaping @Sendable (_ address: String, _ port: Int) async -> Void = { _, _ in }
    ) throws -> some ApplicationProtocol {
        let bindAddress = configuration.bindAddress
        let limits = configuration.limits
        let cap = ConnectionCap(requested: limits.maximumConnections)
        let timeouts = ConnectionRequests.Settings(
            header: TimeAmount(limits.headerTimeout), body: TimeAmount(limits.bodyTimeout), idle: TimeAmount(limits.idleTimeout))
        let server = HTTPServerBuilder.platformHTTP1(
            requestsPerConnection: configuration.requestsPerConnection, timeouts: timeouts, cap: cap,
            tls: try configuration.tls?.configuration())
        return Application(
            router: router(platform: platform, configuration: configuration),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(bindAddress, port: configuration.port), serverName: nil,
                availableConnectionsDelegate: cap.acceptance),
            onServerRunning: { channel in
                await onListening(bindAddress, channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }

    /// How many connections a server asked for `requested` really serves: no more than the
    /// process's open-file limit leaves room for.
    public static func connectionsAllowed(requested: Int) -> Int {
        ConnectionCap(requested: requested).maximum
    }

    static func router(platform: Platform, configuration: PlatformServerConfiguration) -> Router<PlatformRequestContext> {
        let router = Router(context: PlatformRequestContext.self)
        let groups: [any PlatformRoutes] = [
            RPCRoutes(platform: platform, limits: configuration.limits),
            ProvisionRoutes(platform: platform),
            DataInterfaceRoutes(platform: platform, maximumBodySize: configuration.limits.maximumBodySize),
        ]
        for group in groups { group.register(on: router) }
        return router
    }

    /// A logger that drops everything: `onep serve` prints only its own lines.
    public static let quietLogger = Logger(label: "onep.server") { _ in SwiftLogNoOpLogHandler() }
}
