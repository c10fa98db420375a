import Logging
import OnePlatform
import ServiceLifecycle

extension PlatformServer {
    /// Runs a server until SIGINT or SIGTERM, then shuts it down gracefully.
    /// - Throws: ``PlatformServerError`` when the address cannot be bound; other errors as they come.
    public static func serve(
        platform: Platform,
        configuration: PlatformServerConfiguration,
        onListening: @escaping @Sendable (_ address: String, _ port: Int) async -> Void
    ) async throws {
        let application = application(platform: platform, configuration: configuration, onListening: onListening)
        let group = ServiceGroup(
            configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: quietLogger)
        )
        do {
            try await group.run()
        } catch {
            throw PlatformServerError.binding(error, address: configuration.bindAddress, port: configuration.port) ?? error
        }
    }
}
